using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// A feature on by default whose cost the matrix measures: AkkaMcpEcho as shipped against the same build with only that
/// feature switched off (<paramref name="Settings"/>, each set to false), at <see cref="MatrixOptions.SwitchSessions"/>
/// sessions, the runs interleaved.
/// </summary>
/// <param name="Floor">The bound: req/s with the feature on at least this share of req/s with it off; null: shown, no bound.</param>
public sealed record FeatureSwitch(string Feature, string[] Settings, double? Floor)
{
    public static readonly FeatureSwitch[] All =
    [
        new("traffic recording", ["MCP_TRAFFIC_ENABLED"], 0.85),
        // No fault asked: the rule engine must cost nothing measurable (5 % is the machine's noise between two runs).
        new("faults on demand, no fault asked", ["MCP_FAULTS_ENABLED"], 0.95),
        // Issue 17: with no OTLP endpoint, telemetry must cost no more than the noise (metrics are still recorded for the
        // Prometheus scrape, which is on when bound to loopback; off, no OpenTelemetry listener is registered).
        new("telemetry, export off", ["MCP_METRICS_PROMETHEUS"], 0.95),
        // What every recorded feature costs together: the headline rows run as shipped, with the traffic recording and the
        // telemetry on (metrics recorded for the Prometheus scrape, which is on when bound to loopback; no OTLP endpoint,
        // so no export). Off, no OpenTelemetry listener is registered at all.
        new("recorded features (traffic recording, telemetry)", ["MCP_TRAFFIC_ENABLED", "MCP_METRICS_PROMETHEUS"], null),
    ];

    /// <summary>The settings as they are switched off: <c>A=false, B=false</c>.</summary>
    public string Off => string.Join(", ", Settings.Select(setting => $"{setting}=false"));

    /// <summary>The name of the server process with the feature off.</summary>
    public string ServerName => $"{ServerLaunch.Ours}, {Off}";

    public Task<ServerProcess> Start(string dll, IReadOnlyDictionary<string, string>? environment) =>
        ServerLaunch.StartOurs(dll, environment: environment, name: ServerName, settings: Settings.Select(setting => $"--{setting}=false"));
}
