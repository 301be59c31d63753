using System.Collections.Immutable;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Http.Cors;
using AkkaMcpEcho.Http.Security;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;
using Row = AkkaMcpEcho.Http.Configuration.SettingsTable;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// The server's settings, read once at start from the rows of <see cref="SettingsTable"/>. Every bad value is collected,
/// and all of them are reported together in one <see cref="SettingsException"/>.
/// </summary>
public sealed record EchoSettings(
    string Host,
    int Port,
    ServerProfile Profile,
    TimeSpan KeepAliveInterval,
    bool KeepAlivePing,
    TimeSpan AskTimeout,
    int ToolsPageSize,
    LogLevel LogLevel,
    CorsPolicyFacts Cors,
    OriginPolicy Origins,
    FeatureFlags Features,
    ClusterSettings Cluster,
    byte[]? RequestStateKey,
    TrafficSettings Traffic,
    bool Faults,
    AuthSettings Auth,
    SessionStoreOptions Store,
    ImmutableArray<ConfigEntry> Shown)
{
    public static EchoSettings From(IConfiguration config)
    {
        var read = new SettingsReader(config);
        var debug = read.Get(Row.Debug);
        var host = read.Get(Row.Host);
        var askTimeout = read.Get(Row.AskTimeout);
        var traffic = TrafficSettings.From(read);
        var (faults, faultTool) = (read.Get(Row.FaultsEnabled), read.Get(Row.FaultsTool));
        var store = SessionStores.From(read);
        var profile = new ServerProfile(read.Get(Row.SessionTimeout), read.Get(Row.MaxSessions), read.Get(Row.MaxMessageSize),
            read.Get(Row.ProtocolVersions), debug)
        {
            Fixtures = read.Get(Row.Conformance),
            FaultTool = faults && faultTool,
            SessionTraffic = traffic.Enabled ? traffic.Session : new TrafficBounds(0, 0),
            NodeTraffic = traffic.Node,
            DurableSessions = store.Durable,
            DormantAfter = read.Get(Row.SessionDormantAfter),
        };
        var cors = CorsOrigins.Policy(read.Get(Row.CorsOrigins), read.Get(Row.CorsCredentials), read.Get(Row.CorsMaxAge), read.Problems);
        var origins = OriginPolicy.From(read.Get(Row.AllowedHosts), read.Get(Row.AllowedOrigins), host, cors, read.Problems);
        var requestStateKey = read.Get(Row.RequestStateKey);
        var port = read.Get(Row.Port);
        var cluster = ClusterSettings.From(read, port, askTimeout);
        var auth = AuthSettings.From(read, cluster.Enabled, requestStateKey);
        profile = profile with { Scopes = auth.Enabled ? auth.Scopes : Protocol.Auth.ScopeRequirements.None };
        var settings = new EchoSettings(host, port, profile, read.Get(Row.KeepAliveInterval), read.Get(Row.KeepAlivePing),
            askTimeout, read.Get(Row.ToolsPageSize), debug ? LogLevel.Debug : read.Get(SettingsTable.LogLevel), cors, origins,
            new FeatureFlags(read.Get(Row.Binary), read.Get(Row.Compression)), cluster, requestStateKey, traffic, faults, auth, store, []);
        var telemetry = Http.Telemetry.TelemetrySettings.From(read, host);
        foreach (var unused in Row.Unused)
        {
            read.Get(unused);
        }
        var order = Row.All.Select((row, index) => (row.Key, index)).ToDictionary(row => row.Key, row => row.index);
        return read.Problems.Count > 0
            ? throw new SettingsException(read.Problems)
            : settings with { Shown = [.. read.Shown.OrderBy(entry => order[entry.Name])], Telemetry = telemetry };
    }

    /// <summary>OTLP and Prometheus export and the log format.</summary>
    public Telemetry.TelemetrySettings Telemetry { get; init; } = Http.Telemetry.TelemetrySettings.Off;

    public string NewestProtocolVersion => ProtocolVersions.Newest(Profile.SupportedProtocolVersions);
}

/// <summary>The traffic recording: whether it runs, its rings' bounds, what it keeps of each exchange, who may see it.</summary>
public sealed record TrafficSettings(bool Enabled, TrafficBounds Node, TrafficBounds Session, int BodyBytes, int Events,
    bool RevealSecrets, string? Token)
{
    internal static TrafficSettings From(SettingsReader read) => new(read.Get(Row.TrafficEnabled),
        new TrafficBounds(read.Get(Row.TrafficExchanges), read.Get(Row.TrafficBytes)),
        new TrafficBounds(read.Get(Row.TrafficSessionExchanges), read.Get(Row.TrafficSessionBytes)),
        read.Get(Row.TrafficBodyBytes), read.Get(Row.TrafficEvents), read.Get(Row.TrafficRevealSecrets), read.Get(Row.TrafficToken));
}

/// <summary>One or more settings were invalid; the message names each, one per line.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : Exception("Invalid configuration:\n  " + string.Join("\n  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Reads rows from configuration, collecting problems and what environmentDump shows for each.</summary>
internal sealed class SettingsReader(IConfiguration config)
{
    public List<string> Problems { get; } = [];

    public List<ConfigEntry> Shown { get; } = [];

    public T Get<T>(Setting<T> setting)
    {
        var raw = config[setting.Key];
        var value = setting.Fallback;
        if (!string.IsNullOrWhiteSpace(raw))
        {
            try
            {
                value = setting.Parse(raw);
            }
            catch (FormatException e)
            {
                Problems.Add($"{setting.Key}={raw}: {e.Message}");
            }
        }
        Shown.Add(new ConfigEntry(setting.Key, setting.Show(value), Safe: !setting.Secret));
        return value;
    }
}
