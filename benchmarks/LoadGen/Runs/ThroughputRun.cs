using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

public sealed record ThroughputResult(
    int Sessions, long Requests, ErrorLog Errors, CpuUse Cpu, Latencies Latency)
{
    public double RequestsPerSecond => Requests / Cpu.Wall.TotalSeconds;
    public double ServerCpuMicrosPerRequest => Requests == 0 ? double.NaN : Cpu.Server.TotalMicroseconds / Requests;
    public double LoadGenCpuMicrosPerRequest => Requests == 0 ? double.NaN : Cpu.LoadGen.TotalMicroseconds / Requests;
}

/// <summary>S initialized sessions, each keeping one validated tools/call echo in flight for a fixed duration.</summary>
public static class ThroughputRun
{
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    public static async Task<ThroughputResult> Run(Target target, int sessions, TimeSpan duration, CancellationToken cancel)
    {
        await using var pool = await SessionPool.Open(target, sessions, cancel);
        return await Drive([.. pool.Sessions.Select(session => (Echo)session.Echo)], target.Pid is { } pid ? [pid] : [], duration, cancel);
    }

    /// <summary>Sends one tools/call echo; null when the answer is right, else what was wrong.</summary>
    public delegate Task<string?> Echo(string message, CancellationToken cancel);

    /// <summary>Keeps one echo in flight per session for <paramref name="duration"/>; CPU summed over <paramref name="serverPids"/>.</summary>
    public static async Task<ThroughputResult> Drive(Echo[] sessions, IReadOnlyList<int> serverPids, TimeSpan duration, CancellationToken cancel)
    {
        var errors = new ErrorLog();
        var samples = sessions.Select(_ => new List<long>(65536)).ToArray();
        // A server that stops answering must not hold the run: requests still open this long after the end are failed.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(duration + StallLimit);
        var meter = new CpuMeter(serverPids);
        meter.Start();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = sessions.Select((echo, index) => Task.Run(() => Loop(echo, index, deadline, samples[index], errors, limit.Token), cancel));
        await Task.WhenAll(workers);
        var cpu = meter.Stop();
        var requests = samples.Sum(s => (long)s.Count) + errors.Count;
        return new ThroughputResult(sessions.Length, requests, errors, cpu, Latencies.From(samples));
    }

    private static async Task Loop(Echo echo, int index, long deadline, List<long> latencies, ErrorLog errors, CancellationToken cancel)
    {
        var sequence = 0L;
        while (Stopwatch.GetTimestamp() < deadline && !cancel.IsCancellationRequested)
        {
            var message = $"bench-{index}-{++sequence}";
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (await echo(message, cancel) is { } problem)
                {
                    errors.Add(problem);
                    continue;
                }
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
            catch (OperationCanceledException)
            {
                errors.Add($"no answer within {StallLimit.TotalSeconds:0} s of the run's end");
                return;
            }
            catch (Exception e)
            {
                errors.Add($"{e.GetType().Name}: {e.Message}");
            }
        }
    }
}
