using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>Everything one matrix run measured, keyed by server name.</summary>
public sealed class MatrixResults
{
    public Dictionary<(string Server, int Sessions), ThroughputResult> Throughput { get; } = [];
    /// <summary>
    /// Every run at the feature switches' session count, in order, by server: AkkaMcpEcho as shipped (its first run is the
    /// one in <see cref="Throughput"/>) and each build with one feature off.
    /// </summary>
    public Dictionary<string, List<ThroughputResult>> Switched { get; } = [];
    public Dictionary<string, ChurnResult> Churn { get; } = [];
    public Dictionary<string, IdleMemoryResult> Idle { get; } = [];
    public FanOutResult? FanOut { get; set; }
    /// <summary>The cluster once tiered compilation settled on every node: the figure the targets use.</summary>
    public ClusterWindow? Cluster { get; set; }
    /// <summary>The cluster right after the warm-up every server gets, JIT still busy.</summary>
    public ClusterWindow? ClusterEarly { get; set; }
    public TimeSpan ClusterSettling { get; set; }
    public Dictionary<string, string> Versions { get; } = [];
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public string LoadAtStart { get; } = MachineInfo.LoadAverage();
    public void AddThroughput(string server, int sessions, ThroughputResult result)
    {
        var switchedOff = FeatureSwitch.All.Any(feature => feature.ServerName == server);
        if (sessions == MatrixOptions.SwitchSessions && (server == ServerLaunch.Ours || switchedOff))
        {
            Runs(server).Add(result);
        }
        if (!switchedOff)
        {
            Throughput.TryAdd((server, sessions), result);
        }
    }

    /// <summary>The runs of one server at the switches' session count (none: empty).</summary>
    public List<ThroughputResult> Runs(string server) => Switched.TryGetValue(server, out var runs) ? runs : Switched[server] = [];

    public long TotalErrors =>
        Throughput.Values.Sum(t => t.Errors.Count)
        + Switched.Sum(runs => runs.Value.Skip(runs.Key == ServerLaunch.Ours ? 1 : 0).Sum(t => t.Errors.Count))
        + Churn.Values.Sum(c => c.Errors.Count)
        + Idle.Values.Sum(i => i.Errors.Count + i.ProbeFailures) + (FanOut?.Errors.Count ?? 0)
        + (Cluster?.Result.Errors.Count ?? 0) + (ClusterEarly?.Result.Errors.Count ?? 0);
}
