using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>Everything one matrix run measured, keyed by server name.</summary>
public sealed class MatrixResults
{
    public Dictionary<(string Server, int Sessions), ThroughputResult> Throughput { get; } = [];
    public Dictionary<string, ChurnResult> Churn { get; } = [];
    public Dictionary<string, IdleMemoryResult> Idle { get; } = [];
    public FanOutResult? FanOut { get; set; }
    public ThroughputResult? Cluster { get; set; }
    public Dictionary<string, string> Versions { get; } = [];
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public string LoadAtStart { get; } = MachineInfo.LoadAverage();
    public long TotalErrors =>
        Throughput.Values.Sum(t => t.Errors.Count) + Churn.Values.Sum(c => c.Errors.Count)
        + Idle.Values.Sum(i => i.Errors.Count + i.ProbeFailures) + (FanOut?.Errors.Count ?? 0)
        + (Cluster?.Errors.Count ?? 0);
}
