using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// A feature on by default whose cost the matrix measures: AkkaMcpEcho as shipped against the same build with only that
/// feature switched off, at <see cref="MatrixOptions.SwitchSessions"/> sessions, the runs interleaved.
/// </summary>
/// <param name="Floor">The bound: req/s with the feature on at least this share of req/s with it off.</param>
public sealed record FeatureSwitch(string Feature, string Setting, double Floor)
{
    public static readonly FeatureSwitch[] All =
    [
        new("traffic recording", "MCP_TRAFFIC_ENABLED", 0.85),
        // No fault asked: the rule engine must cost nothing measurable (5 % is the machine's noise between two runs).
        new("faults on demand, no fault asked", "MCP_FAULTS_ENABLED", 0.95),
    ];

    /// <summary>The name of the server process with the feature off.</summary>
    public string ServerName => $"{ServerLaunch.Ours}, {Setting}=false";

    public Task<ServerProcess> Start(string dll, IReadOnlyDictionary<string, string>? environment) =>
        ServerLaunch.StartOurs(dll, environment: environment, name: ServerName, settings: [$"--{Setting}=false"]);
}
