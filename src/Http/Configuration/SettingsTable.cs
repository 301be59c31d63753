using System.Collections.Immutable;
using System.Net;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Auth;
using static AkkaMcpEcho.Http.Configuration.SettingParsers;
using DiscoveryDefaults = AkkaMcpEcho.Actors.Sharding.ClusterDiscovery;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// Every setting the server reads: the one place a configuration key is named and read. Keys are the original
/// server's environment-variable names, read through .NET configuration (environment, appsettings.json, or
/// <c>--KEY=value</c> on the command line). <c>--help</c> prints this table; environmentDump shows each row.
/// </summary>
public static class SettingsTable
{
    public static readonly Setting<string> Host = new("MCP_ECHO_HOST", "127.0.0.1", "127.0.0.1", HostName, Text,
        "bind address: an IP address (0.0.0.0 or :: for every interface) or localhost", "--host");
    public static readonly Setting<int> Port = new("MCP_ECHO_PORT", 3000, "3000", Number(0, 65535), ShowNumber,
        "port (0 picks a free one)", "--port");
    public static readonly Setting<TimeSpan> SessionTimeout = new("MCP_SESSION_TIMEOUT", TimeSpan.FromHours(1), "3600",
        Seconds(1, int.MaxValue), ShowSeconds, "seconds a session may stay idle before it expires", "--session-timeout");
    public static readonly Setting<TimeSpan> SessionDormantAfter = new("MCP_SESSION_DORMANT_AFTER", TimeSpan.FromSeconds(60), "60",
        Seconds(0, int.MaxValue), ShowSeconds,
        "seconds of quiet after which a session's actor stops and its state waits as plain data until the next request (0: never)");
    public static readonly Setting<int> MaxSessions = new("MCP_MAX_SESSIONS", 1000, "1000", Number(1, int.MaxValue), ShowNumber,
        "active sessions at most; initialize past it answers 503", "--max-sessions");
    public static readonly Setting<int> MaxMessageSize = new("ECHO_MAX_MESSAGE_SIZE", 1_048_576, "1048576",
        Number(1024, 256 * 1024 * 1024), ShowNumber, "largest POST body in bytes; larger answers 413");
    public static readonly Setting<ImmutableArray<string>> ProtocolVersions = new("MCP_PROTOCOL_VERSIONS_SUPPORTED",
        ServerProfile.Default.SupportedProtocolVersions, string.Join(",", ServerProfile.Default.SupportedProtocolVersions),
        Versions, versions => string.Join(",", versions), "protocol versions offered, comma-separated", "--protocol-versions");
    public static readonly Setting<TimeSpan> KeepAliveInterval = new("MCP_SSE_KEEPALIVE_INTERVAL", TimeSpan.FromSeconds(15), "15",
        Seconds(1, 3600), ShowSeconds, "seconds between keep-alives on an idle GET stream");
    public static readonly Setting<bool> KeepAlivePing = new("MCP_SSE_KEEPALIVE_PING", false, "false", Flag, ShowFlag,
        "send the keep-alive as a JSON-RPC ping to the client instead of an SSE comment");
    public static readonly Setting<TimeSpan> AskTimeout = new("MCP_ASK_TIMEOUT", TimeSpan.FromSeconds(5), "5", Seconds(1, 300),
        ShowSeconds, "seconds HTTP waits for a session actor before answering 503");
    public static readonly Setting<int> ToolsPageSize = new("MCP_TOOLS_PAGE_SIZE", 100, "100", Number(1, 10_000), ShowNumber,
        "tools per tools/list page (pages carry an opaque nextCursor)");
    public static readonly Setting<string?> AllowedHosts = new("MCP_ALLOWED_HOSTS", null,
        "loopback; * when bound to a network address", OptionalText, ShowOptional,
        "extra Host names accepted (DNS-rebinding guard: others get 403), comma-separated, or *");
    public static readonly Setting<string?> AllowedOrigins = new("MCP_ALLOWED_ORIGINS", null,
        "loopback; * when bound to a network address", OptionalText, ShowOptional,
        "extra Origins accepted (others get 403; a request without Origin passes), comma-separated, or *");
    public static readonly Setting<string[]> CorsOrigins = new("MCP_CORS_ALLOWED_ORIGINS", [], "none", Cors.CorsOrigins.Parse, ShowList,
        "origins granted CORS (* for any); preflights answer 204, Mcp-Session-Id is exposed");
    public static readonly Setting<bool> CorsCredentials = new("MCP_CORS_ALLOW_CREDENTIALS", false, "false", Flag, ShowFlag,
        "Access-Control-Allow-Credentials (not with *)");
    public static readonly Setting<int> CorsMaxAge = new("MCP_CORS_MAX_AGE", 86400, "86400", Number(0, 86400), ShowNumber,
        "seconds a browser may cache a preflight");
    public static readonly Setting<bool> Conformance = new("MCP_ECHO_CONFORMANCE", false, "false", Flag, ShowFlag,
        "conformance fixture mode: the MCP conformance suite's fixture tools, resources, prompts and completion");
    public static readonly Setting<bool> Binary = new("ECHO_ENABLE_BINARY", false, "false", Flag, ShowFlag,
        "the original's feature flag, shown by environmentDump (no other effect)");
    public static readonly Setting<bool> Compression = new("ECHO_ENABLE_COMPRESSION", false, "false", Flag, ShowFlag,
        "the original's feature flag, shown by environmentDump (no other effect)");
    public static readonly Setting<bool> Debug = new("MCP_ECHO_DEBUG", false, "false", Flag, ShowFlag,
        "debug logging, with one line per MCP request");
    public static readonly Setting<LogLevel> LogLevel = new("ECHO_LOG_LEVEL", Microsoft.Extensions.Logging.LogLevel.Information,
        "INFO", Level, ShowLevel, "DEBUG, INFO, WARNING, ERROR or CRITICAL", "--log-level");
    public static readonly Setting<byte[]?> RequestStateKey = new("MCP_REQUEST_STATE_KEY", null, "a random key made at start",
        StateKey, key => key is null ? "generated at start" : $"{key.Length} bytes", "base64 of at least 32 bytes: the HMAC key "
        + "that protects 2026-07-28 requestState; every node of a cluster needs the same one", secret: true);
    public static readonly Setting<bool> TrafficEnabled = new("MCP_TRAFFIC_ENABLED", true, "true", Flag, ShowFlag,
        "record every exchange on /mcp for the traffic page (/traffic) and its HAR and JSON Lines exports");
    public static readonly Setting<int> TrafficExchanges = new("MCP_TRAFFIC_EXCHANGES", 2000, "2000", Number(1, 1_000_000), ShowNumber,
        "exchanges this node's traffic ring keeps (every session's and those of none); the oldest go first");
    public static readonly Setting<int> TrafficBytes = new("MCP_TRAFFIC_BYTES", 16 << 20, "16777216", Number(65536, int.MaxValue),
        ShowNumber, "bytes of memory this node's traffic ring may occupy");
    public static readonly Setting<int> TrafficSessionExchanges = new("MCP_TRAFFIC_SESSION_EXCHANGES", 50, "50", Number(0, 10_000),
        ShowNumber, "exchanges each session or handle keeps with its entity (0: none)");
    public static readonly Setting<int> TrafficSessionBytes = new("MCP_TRAFFIC_SESSION_BYTES", 65536, "65536",
        Number(4096, int.MaxValue), ShowNumber, "bytes of memory each session's ring may occupy");
    public static readonly Setting<int> TrafficBodyBytes = new("MCP_TRAFFIC_BODY_BYTES", 16384, "16384", Number(0, 16 << 20),
        ShowNumber, "bytes kept of each recorded body and event; the rest is cut, and the cut marked");
    public static readonly Setting<int> TrafficEvents = new("MCP_TRAFFIC_EVENTS", 200, "200", Number(0, 100_000), ShowNumber,
        "server-sent events kept per exchange; later ones are counted, not kept");
    public static readonly Setting<bool> TrafficRevealSecrets = new("MCP_TRAFFIC_REVEAL_SECRETS", false, "false", Flag, ShowFlag,
        "record credentials whole (local debugging only); otherwise they are shortened as the tools shorten them");
    public static readonly Setting<string?> TrafficToken = new("MCP_TRAFFIC_TOKEN", null, "not set", OptionalText,
        value => value is null ? "not set" : "set", "access token for /traffic on a non-loopback bind (Authorization: Bearer, "
        + "or ?token=); there, without it, /traffic answers 401", secret: true);
    public static readonly Setting<bool> FaultsEnabled = new("MCP_FAULTS_ENABLED", true, "true", Flag, ShowFlag,
        "inject the faults clients ask for (Echo-Fault header, injectFault rules, the /faults API); false: ignore them all");
    public static readonly Setting<bool> FaultsTool = new("MCP_FAULTS_TOOL", false, "false", Flag, ShowFlag,
        "list the injectFault tool after the eleven default tools (both generations)");
    public static readonly Setting<AuthMode> AuthMode = new("MCP_AUTH_MODE", Auth.AuthMode.None, "none", AuthModes.Parse, AuthModes.Show,
        "none: no authorization (a gateway's job); jwt: /mcp is an OAuth resource server for an external issuer; lab: the same, "
        + "with a built-in authorization server on this host (/.well-known/oauth-authorization-server)");
    public static readonly Setting<string?> AuthResource = new("MCP_AUTH_RESOURCE", null, "the request's scheme and Host + /mcp",
        AbsoluteUri, ShowOptional, "this server's canonical URI: the audience tokens must name and the resource of its metadata");
    public static readonly Setting<string?> AuthIssuer = new("MCP_AUTH_ISSUER", null, "jwt: required; lab: the request's URL",
        AbsoluteUri, ShowOptional, "the issuer tokens must come from; in lab mode the issuer the built-in server names itself");
    public static readonly Setting<string?> AuthMetadataUrl = new("MCP_AUTH_METADATA_URL", null,
        "MCP_AUTH_ISSUER + .well-known/openid-configuration", AbsoluteUri, ShowOptional,
        "jwt: the issuer's discovery document (OpenID or RFC 8414), from which its signing keys are read");
    public static readonly Setting<string?> AuthJwksUrl = new("MCP_AUTH_JWKS_URL", null, "not set", AbsoluteUri, ShowOptional,
        "jwt: read the signing keys from this JWKS instead of a discovery document");
    public static readonly Setting<ScopeRequirements> AuthRequiredScopes = new("MCP_AUTH_REQUIRED_SCOPES", ScopeRequirements.None,
        "none", ScopeRequirements.Parse, scopes => scopes.Show(), "scopes each request needs: comma-separated name=scope scope "
        + "pairs (name: a tool, a method such as resources/read, or * for the rest); a token short of them gets 403");
    public static readonly Setting<byte[]?> AuthLabKey = new("MCP_AUTH_LAB_KEY", null, "a random key made at start",
        StateKey, key => key is null ? "generated at start" : $"{key.Length} bytes", "lab: base64 of at least 32 bytes from which "
        + "the signing key, token encryption key and client secrets derive; every node of a cluster needs the same one", secret: true);
    public static readonly Setting<TimeSpan> AuthLabTokenLifetime = new("MCP_AUTH_LAB_TOKEN_LIFETIME", TimeSpan.FromHours(1), "3600",
        Seconds(1, 86400), ShowSeconds, "lab: seconds an access token lives");
    public static readonly Setting<bool> ClusterEnabled = new("AKKA_CLUSTER_ENABLED", false, "false", Flag, ShowFlag,
        "cluster mode: sessions become sharded entities across the nodes");
    public static readonly Setting<string> RemoteHostname = new("AKKA_REMOTE_HOSTNAME", "127.0.0.1", "127.0.0.1", Text, Text,
        "address remoting binds to (cluster mode)");
    public static readonly Setting<string?> RemotePublicHostname = new("AKKA_REMOTE_PUBLIC_HOSTNAME", null,
        "AKKA_REMOTE_HOSTNAME", OptionalText, ShowOptional, "address other nodes reach this one at (cluster mode)");
    public static readonly Setting<int> RemotePort = new("AKKA_REMOTE_PORT", 4053, "4053", Number(0, 65535), ShowNumber,
        "remoting port (cluster mode)");
    public static readonly Setting<string[]> ClusterSeeds = new("AKKA_CLUSTER_SEEDS", [], "none (the node forms a cluster alone)",
        ClusterSettings.Seeds, ShowList, $"comma-separated seed nodes, {ClusterSettings.SeedPrefix}HOST:PORT (cluster mode)");
    public static readonly Setting<DiscoveryMethod> ClusterDiscovery = new("AKKA_CLUSTER_DISCOVERY", DiscoveryMethod.None, "none",
        ClusterSettings.Method, ClusterSettings.Show, "how a node without AKKA_CLUSTER_SEEDS finds the "
        + "others (cluster mode): none (it forms a cluster of its own), config (AKKA_DISCOVERY_CONFIG_ENDPOINTS) or kubernetes "
        + "(the pods AKKA_DISCOVERY_POD_LABEL_SELECTOR selects, through the Kubernetes API)");
    public static readonly Setting<int> ManagementPort = new("AKKA_MANAGEMENT_PORT", DiscoveryDefaults.DefaultManagementPort, "8558",
        Number(1, 65535), ShowNumber, "port of the Akka.Management HTTP endpoint that cluster bootstrap asks (with discovery; "
        + "it binds AKKA_REMOTE_HOSTNAME and is reached at AKKA_REMOTE_PUBLIC_HOSTNAME)");
    public static readonly Setting<string[]> DiscoveryConfigEndpoints = new("AKKA_DISCOVERY_CONFIG_ENDPOINTS", [], "none",
        ClusterSettings.Endpoints, ShowList, "config discovery: every node's management endpoint, comma-separated HOST:PORT");
    public static readonly Setting<string> DiscoveryPodLabelSelector = new("AKKA_DISCOVERY_POD_LABEL_SELECTOR",
        DiscoveryDefaults.DefaultPodLabelSelector, DiscoveryDefaults.DefaultPodLabelSelector, Text, Text,
        "kubernetes discovery: label selector of the pods that are nodes (their management port is the container port named management)");
    public static readonly Setting<int> DiscoveryRequiredContactPoints = new("AKKA_DISCOVERY_REQUIRED_CONTACT_POINTS",
        DiscoveryDefaults.DefaultRequiredContactPoints, "2", Number(1, 1000), ShowNumber,
        "with discovery: nodes that must answer before the first one forms a new cluster (the initial replica count)");
    public static readonly Setting<string?> OtlpEndpoint = new("OTEL_EXPORTER_OTLP_ENDPOINT", null, "not set",
        OptionalText, ShowOptional, "OTLP endpoint for traces, metrics and logs (not set: no OTLP export); the SDK reads the other OTEL_EXPORTER_OTLP_* "
        + "variables (protocol, headers, timeout) and OTEL_BSP_*/OTEL_METRIC_EXPORT_* itself");
    public static readonly Setting<string> ServiceName = new("OTEL_SERVICE_NAME", "akka-mcp-echo", "akka-mcp-echo", Text, Text,
        "service.name of every exported span, metric and log");
    public static readonly Setting<bool?> Prometheus = new("MCP_METRICS_PROMETHEUS", null, "auto",
        raw => raw.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : Flag(raw),
        value => value is null ? "auto" : ShowFlag(value.Value), "serve Prometheus metrics on GET /metrics: true, false or auto (on when bound to loopback)");
    public static readonly Setting<string> LogFormat = new("MCP_LOG_FORMAT", "text", "text", LogFormats, Text,
        "console log format: text, or json (one JSON object a line, with session, request id and trace id in scope)");

    public static readonly Setting<SessionStoreKind> SessionStore = new("MCP_SESSION_STORE", SessionStoreKind.Memory, "memory",
        StoreKind, kind => kind.ToString().ToLowerInvariant(), "where sessions and handles live: memory (lost on restart), sqlite "
        + "(a file: survives restarts) or postgres (survives restarts and lost cluster nodes)", "--session-store");
    public static readonly Setting<string?> SessionStoreConnection = new("MCP_SESSION_STORE_CONNECTION", null, "not set",
        OptionalText, value => value is null ? "not set" : "set", $"the sqlite file path (not set: {SessionStores.DefaultSqliteFile} "
        + "in the working directory), or an ADO.NET connection string (postgres, required: Host=...;Database=...;Username=...;Password=...)",
        secret: true);

    /// <summary>The original's variables this server does not read: listed so environmentDump can show them.</summary>
    public static readonly ImmutableArray<Setting<string?>> Unused =
    [
        .. new[] { "MCP_PROTOCOL_VERSION", "MCP_SESSION_CLEANUP_INTERVAL", "ECHO_CLEANUP_INTERVAL", "LOG_FILE" }
            .Select(key => new Setting<string?>(key, null, "not set", OptionalText, ShowOptional,
                "the original server's; no effect here")),
    ];

    public static ImmutableArray<Setting> All { get; } =
    [
        Host, Port, SessionTimeout, SessionDormantAfter, MaxSessions, MaxMessageSize, ProtocolVersions, KeepAliveInterval, KeepAlivePing,
        AskTimeout, ToolsPageSize, AllowedHosts, AllowedOrigins, CorsOrigins, CorsCredentials, CorsMaxAge, Conformance,
        Binary, Compression, Debug, LogLevel, RequestStateKey, TrafficEnabled, TrafficExchanges, TrafficBytes, TrafficSessionExchanges,
        TrafficSessionBytes, TrafficBodyBytes, TrafficEvents, TrafficRevealSecrets, TrafficToken, FaultsEnabled, FaultsTool, AuthMode,
        AuthResource, AuthIssuer, AuthMetadataUrl, AuthJwksUrl, AuthRequiredScopes, AuthLabKey, AuthLabTokenLifetime, ClusterEnabled,
        RemoteHostname, RemotePublicHostname, RemotePort, ClusterSeeds, ClusterDiscovery, ManagementPort, DiscoveryConfigEndpoints,
        DiscoveryPodLabelSelector, DiscoveryRequiredContactPoints, OtlpEndpoint, ServiceName, Prometheus, LogFormat, SessionStore, SessionStoreConnection, .. Unused,
    ];

    /// <summary>The command line's short switches, for .NET configuration's switch mapping.</summary>
    public static IDictionary<string, string> Switches =>
        All.Where(s => s.Switch is not null).ToDictionary(s => s.Switch!, s => s.Key);

    private static string HostName(string raw) =>
        raw.Trim() is var host && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _))
            ? host
            : throw new FormatException("expected an IP address such as 127.0.0.1, 0.0.0.0 or ::, or localhost");

    private static ImmutableArray<string> Versions(string raw)
    {
        var versions = List(raw).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return !versions.IsEmpty && versions.All(ServerProfile.AllProtocolVersions.Contains)
            ? versions.Sort((a, b) => string.CompareOrdinal(b, a))
            : throw new FormatException("every entry must be one of " + string.Join(", ", ServerProfile.AllProtocolVersions));
    }

    private static string? AbsoluteUri(string raw) =>
        OptionalText(raw) is not { } text ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? text
        : throw new FormatException("expected an absolute http or https URL");

    private static SessionStoreKind StoreKind(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "memory" => SessionStoreKind.Memory,
        "sqlite" => SessionStoreKind.Sqlite,
        "postgres" or "postgresql" => SessionStoreKind.Postgres,
        _ => throw new FormatException("expected memory, sqlite or postgres"),
    };

    private static LogLevel Level(string raw) => raw.Trim().ToUpperInvariant() switch
    {
        "INFO" or "INFORMATION" => Microsoft.Extensions.Logging.LogLevel.Information,
        "DEBUG" => Microsoft.Extensions.Logging.LogLevel.Debug,
        "TRACE" => Microsoft.Extensions.Logging.LogLevel.Trace,
        "WARNING" or "WARN" => Microsoft.Extensions.Logging.LogLevel.Warning,
        "ERROR" => Microsoft.Extensions.Logging.LogLevel.Error,
        "CRITICAL" or "FATAL" => Microsoft.Extensions.Logging.LogLevel.Critical,
        _ => throw new FormatException("expected DEBUG, INFO, WARNING, ERROR or CRITICAL"),
    };

    private static byte[] StateKey(string raw)
    {
        try
        {
            return Convert.FromBase64String(raw.Trim()) is { Length: >= 32 } key
                ? key
                : throw new FormatException("expected base64 of at least 32 bytes (openssl rand -base64 32)");
        }
        catch (FormatException e) when (!e.Message.StartsWith("expected", StringComparison.Ordinal))
        {
            throw new FormatException("expected base64 of at least 32 bytes (openssl rand -base64 32)");
        }
    }

    private static string ShowLevel(LogLevel level) => level switch
    {
        Microsoft.Extensions.Logging.LogLevel.Information => "INFO",
        Microsoft.Extensions.Logging.LogLevel.Warning => "WARNING",
        _ => level.ToString().ToUpperInvariant(),
    };

    private static string LogFormats(string raw) => raw.Trim().ToLowerInvariant() is var format && format is "text" or "json"
        ? format
        : throw new FormatException("expected text or json");
}
