using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>One sample: time since the load started, each node's RSS, and the active sessions /health reported.</summary>
public sealed record SoakSample(TimeSpan At, long[] ResidentBytes, int? Active);

/// <summary>Samples every node's RSS (and the first node's /health) at a fixed interval; prints a progress line each minute.</summary>
public sealed class SoakSampler(Target[] nodes, TimeSpan interval, Func<string> progress)
{
    private readonly long _started = Stopwatch.GetTimestamp();

    public List<SoakSample> Samples { get; } = [];

    /// <summary>Samples until <paramref name="stop"/>, then once more.</summary>
    public async Task Run(CancellationToken stop)
    {
        for (var tick = 0; !stop.IsCancellationRequested; tick++)
        {
            await Sample();
            if (tick % Math.Max(1, (int)(60 / interval.TotalSeconds)) == 0)
            {
                Print();
            }
            var due = interval * (tick + 1) - Stopwatch.GetElapsedTime(_started);
            try
            {
                await Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await Sample();
        Print();
    }

    /// <summary>One node's RSS samples, for <see cref="MemoryTrend.From"/>.</summary>
    public (TimeSpan At, long Bytes)[] Of(int node) => [.. Samples.Select(s => (s.At, s.ResidentBytes[node]))];

    private async Task Sample()
    {
        var at = Stopwatch.GetElapsedTime(_started);
        var rss = nodes.Select(node => node.Pid is { } pid ? ProcStats.ResidentBytes(pid) : 0).ToArray();
        var health = await HealthCounts.Read(nodes[0], CancellationToken.None);
        Samples.Add(new SoakSample(at, rss, health?.Sessions.Active));
    }

    private void Print()
    {
        var last = Samples[^1];
        Console.WriteLine($"  {last.At.TotalMinutes,5:0.0} min: RSS {string.Join(" / ", last.ResidentBytes.Select(b => $"{b / 1048576.0:0.0}"))} MB, "
            + $"active {last.Active?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}; {progress()}");
    }
}
