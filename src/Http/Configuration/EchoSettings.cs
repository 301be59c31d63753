using System.Collections.Immutable;
using System.Globalization;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Http.Cors;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// The server's settings, read from .NET configuration under the seed's environment-variable names, so the environment,
/// appsettings.json and <c>--NAME=value</c> on the command line all work. Invalid values stop the server at start.
/// </summary>
public sealed record EchoSettings(
    string Host,
    int Port,
    ServerProfile Profile,
    TimeSpan KeepAliveInterval,
    TimeSpan AskTimeout,
    LogLevel LogLevel)
{
    public CorsPolicyFacts Cors { get; init; } = CorsPolicyFacts.Disabled;

    /// <summary>ECHO_ENABLE_BINARY and ECHO_ENABLE_COMPRESSION: shown by environmentDump; they change no behaviour.</summary>
    public FeatureFlags Features { get; init; } = FeatureFlags.Off;

    public static readonly IReadOnlyDictionary<string, string> CommandLineSwitches = new Dictionary<string, string>
    {
        ["--host"] = "MCP_ECHO_HOST",
        ["--port"] = "MCP_ECHO_PORT",
        ["--session-timeout"] = "MCP_SESSION_TIMEOUT",
        ["--protocol-versions"] = "MCP_PROTOCOL_VERSIONS_SUPPORTED",
        ["--max-sessions"] = "MCP_MAX_SESSIONS",
        ["--log-level"] = "ECHO_LOG_LEVEL",
    };

    public static EchoSettings From(IConfiguration config)
    {
        var problems = new List<string>();
        var debug = Flag(config, "MCP_ECHO_DEBUG", problems);
        var versions = Versions(config["MCP_PROTOCOL_VERSIONS_SUPPORTED"], problems);
        var profile = new ServerProfile(
            TimeSpan.FromSeconds(Number(config, "MCP_SESSION_TIMEOUT", 3600, 1, int.MaxValue, problems)),
            Number(config, "MCP_MAX_SESSIONS", 1000, 1, int.MaxValue, problems),
            Number(config, "ECHO_MAX_MESSAGE_SIZE", 1_048_576, 1024, 256 * 1024 * 1024, problems),
            versions,
            debug);
        var settings = new EchoSettings(
            config["MCP_ECHO_HOST"] is { Length: > 0 } host ? host : "127.0.0.1",
            Number(config, "MCP_ECHO_PORT", 3000, 0, 65535, problems),
            profile,
            TimeSpan.FromSeconds(Number(config, "MCP_SSE_KEEPALIVE_INTERVAL", 15, 1, 3600, problems)),
            TimeSpan.FromSeconds(Number(config, "MCP_ASK_TIMEOUT", 5, 1, 300, problems)),
            debug ? LogLevel.Debug : Level(config["ECHO_LOG_LEVEL"], problems))
        {
            Cors = CorsOrigins.Policy(config[CorsOrigins.AllowedOriginsKey], Flag(config, CorsOrigins.AllowCredentialsKey, problems),
                Number(config, CorsOrigins.MaxAgeKey, 86400, 0, 86400, problems), problems),
            Features = new FeatureFlags(Flag(config, "ECHO_ENABLE_BINARY", problems), Flag(config, "ECHO_ENABLE_COMPRESSION", problems)),
        };
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid configuration:\n  " + string.Join("\n  ", problems));
        }
        return settings;
    }

    private static int Number(IConfiguration config, string key, int fallback, int min, int max, List<string> problems)
    {
        var raw = config[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        if (int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        problems.Add($"{key}={raw}: expected a whole number from {min} to {max}");
        return fallback;
    }

    private static bool Flag(IConfiguration config, string key, List<string> problems)
    {
        var raw = config[key]?.Trim().ToLowerInvariant();
        switch (raw)
        {
            case null or "":
            case "false" or "0" or "no" or "off":
                return false;
            case "true" or "1" or "yes" or "on":
                return true;
            default:
                problems.Add($"{key}={raw}: expected true/false, 1/0, yes/no or on/off");
                return false;
        }
    }

    private static ImmutableArray<string> Versions(string? raw, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ServerProfile.Default.SupportedProtocolVersions;
        }
        var versions = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToImmutableArray();
        var unknown = versions.Where(v => !ServerProfile.AllProtocolVersions.Contains(v)).ToArray();
        if (versions.IsEmpty || unknown.Length > 0)
        {
            problems.Add($"MCP_PROTOCOL_VERSIONS_SUPPORTED={raw}: every entry must be one of "
                + string.Join(", ", ServerProfile.AllProtocolVersions));
            return ServerProfile.Default.SupportedProtocolVersions;
        }
        return versions.Sort((a, b) => string.CompareOrdinal(b, a));
    }

    private static LogLevel Level(string? raw, List<string> problems)
    {
        switch (raw?.Trim().ToUpperInvariant())
        {
            case null or "":
            case "INFO" or "INFORMATION":
                return LogLevel.Information;
            case "DEBUG":
                return LogLevel.Debug;
            case "TRACE":
                return LogLevel.Trace;
            case "WARNING" or "WARN":
                return LogLevel.Warning;
            case "ERROR":
                return LogLevel.Error;
            case "CRITICAL" or "FATAL":
                return LogLevel.Critical;
            default:
                problems.Add($"ECHO_LOG_LEVEL={raw}: expected DEBUG, INFO, WARNING, ERROR or CRITICAL");
                return LogLevel.Information;
        }
    }

    /// <summary>The original's variables this server does not read: known harmless, so environmentDump shows them.</summary>
    private static readonly string[] KnownUnused = ["MCP_PROTOCOL_VERSION", "MCP_SESSION_CLEANUP_INTERVAL", "ECHO_CLEANUP_INTERVAL", "LOG_FILE"];

    /// <summary>The effective value of every setting the server reads, for environmentDump: all known safe to show.</summary>
    public IEnumerable<ConfigEntry> EffectiveValues(IConfiguration config)
    {
        var values = new List<(string Name, string Value)>
        {
            ("MCP_ECHO_HOST", Host),
            ("MCP_ECHO_PORT", Port.ToString(CultureInfo.InvariantCulture)),
            ("MCP_SESSION_TIMEOUT", ((long)Profile.SessionTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("MCP_MAX_SESSIONS", Profile.MaxSessions.ToString(CultureInfo.InvariantCulture)),
            ("MCP_PROTOCOL_VERSIONS_SUPPORTED", string.Join(",", Profile.SupportedProtocolVersions)),
            ("MCP_SSE_KEEPALIVE_INTERVAL", ((long)KeepAliveInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("MCP_ASK_TIMEOUT", ((long)AskTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("ECHO_MAX_MESSAGE_SIZE", Profile.MaxMessageBytes.ToString(CultureInfo.InvariantCulture)),
            ("ECHO_LOG_LEVEL", LogLevel.ToString()),
            (CorsOrigins.AllowedOriginsKey, Cors.AnyOrigin ? "*" : Cors.AllowedOrigins.IsEmpty ? "none" : string.Join(",", Cors.AllowedOrigins)),
            (CorsOrigins.AllowCredentialsKey, Cors.AllowCredentials ? "true" : "false"),
            (CorsOrigins.MaxAgeKey, Cors.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture)),
            ("ECHO_ENABLE_BINARY", Features.Binary ? "true" : "false"),
            ("ECHO_ENABLE_COMPRESSION", Features.Compression ? "true" : "false"),
        };
        values.AddRange(KnownUnused.Where(name => config[name] is not null).Select(name => (name, $"{config[name]} (not used)")));
        return values.Select(v => new ConfigEntry(v.Name, v.Value, Safe: true));
    }

    public string NewestProtocolVersion => ProtocolVersions.Newest(Profile.SupportedProtocolVersions);
}
