using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>Everything one matrix run measured, keyed by server name.</summary>
public sealed class MatrixResults
{
    public Dictionary<(string Server, int Sessions), ThroughputResult> Throughput { get; } = [];
    /// <summary>Every run of AkkaMcpEcho at the recording comparison's session count, in order: recording on (the first is
    /// the one in <see cref="Throughput"/>) and recording off.</summary>
    public List<ThroughputResult> RecordingOn { get; } = [];
    public List<ThroughputResult> RecordingOff { get; } = [];
    public Dictionary<string, ChurnResult> Churn { get; } = [];
    public Dictionary<string, IdleMemoryResult> Idle { get; } = [];
    public FanOutResult? FanOut { get; set; }
    public ThroughputResult? Cluster { get; set; }
    public Dictionary<string, string> Versions { get; } = [];
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public string LoadAtStart { get; } = MachineInfo.LoadAverage();
    public void AddThroughput(string server, int sessions, ThroughputResult result)
    {
        if (sessions == MatrixOptions.RecordingSessions && server is ServerLaunch.Ours or ServerLaunch.OursUnrecorded)
        {
            (server == ServerLaunch.Ours ? RecordingOn : RecordingOff).Add(result);
        }
        if (server != ServerLaunch.OursUnrecorded)
        {
            Throughput.TryAdd((server, sessions), result);
        }
    }

    public long TotalErrors =>
        Throughput.Values.Sum(t => t.Errors.Count) + RecordingOn.Skip(1).Sum(t => t.Errors.Count) + RecordingOff.Sum(t => t.Errors.Count)
        + Churn.Values.Sum(c => c.Errors.Count)
        + Idle.Values.Sum(i => i.Errors.Count + i.ProbeFailures) + (FanOut?.Errors.Count ?? 0)
        + (Cluster?.Errors.Count ?? 0);
}
