using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

public sealed record MemoryStep(int Requested, int Held, long ResidentBytes, long BytesPerSession, TimeSpan CreateTime);

public sealed record IdleMemoryResult(long BaselineBytes, IReadOnlyList<MemoryStep> Steps, int Probed, int ProbeFailures,
    double ProbeMaxMs, ErrorLog Errors);

/// <summary>
/// RSS of the server before and after creating idle sessions (initialize + notifications/initialized, then nothing),
/// in steps; then checks that sessions spread across the whole set still answer an echo.
/// </summary>
public static class IdleMemoryRun
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    /// <param name="quiet">How long the sessions stay untouched after each step before RSS is read (a full GC first).</param>
    public static async Task<IdleMemoryResult> Run(Target target, int[] steps, TimeSpan budget, TimeSpan quiet, CancellationToken cancel)
    {
        var pid = target.Pid ?? throw new InvalidOperationException("idle memory needs the server's process id");
        var errors = new ErrorLog();
        var warm = await SessionChurnRun.Create(target, 500, 16, budget, errors, cancel);
        await SessionChurnRun.Delete(target, warm.Ids, 16, errors, cancel);
        var baseline = await ResidentAfterGc(pid, Settle, cancel);
        var held = new List<string>();
        var results = new List<MemoryStep>();
        var started = Stopwatch.GetTimestamp();
        foreach (var step in steps)
        {
            var left = budget - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                break;
            }
            var created = await SessionChurnRun.Create(target, step - held.Count, 32, left, errors, cancel);
            held.AddRange(created.Ids);
            var rss = await ResidentAfterGc(pid, quiet, cancel);
            results.Add(new MemoryStep(step, held.Count, rss, held.Count == 0 ? 0 : (rss - baseline) / held.Count, created.Elapsed));
            Console.WriteLine($"  {target.Name}: {held.Count} idle sessions, RSS {rss / 1048576.0:0.0} MB");
        }
        var (probed, failures, maxMs) = await Probe(target, held, cancel);
        return new IdleMemoryResult(baseline, results, probed, failures, maxMs, errors);
    }

    /// <summary>RSS after <paramref name="wait"/> and a full GC (so it shows what is live, not garbage not yet collected).</summary>
    private static async Task<long> ResidentAfterGc(int pid, TimeSpan wait, CancellationToken cancel)
    {
        await Task.Delay(wait, cancel);
        await InducedGc.Collect(pid, cancel);
        await Task.Delay(Settle, cancel);
        return ProcStats.ResidentBytes(pid);
    }

    /// <summary>Echo calls on up to 50 sessions spread evenly over everything created, the oldest and newest included.</summary>
    private static async Task<(int Probed, int Failures, double MaxMs)> Probe(Target target, List<string> ids, CancellationToken cancel)
    {
        if (ids.Count == 0)
        {
            return (0, 0, double.NaN);
        }
        using var connection = new RawHttpConnection(target.Endpoint);
        var session = new McpSession(connection);
        var picks = Enumerable.Range(0, 50).Select(i => (int)((long)i * (ids.Count - 1) / 49)).Distinct().ToArray();
        var failures = 0;
        var max = 0.0;
        foreach (var index in picks)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                if (await session.Rebind(ids[index]).Echo($"probe-{index}", cancel) is not null)
                {
                    failures++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
            }
            max = Math.Max(max, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (picks.Length, failures, max);
    }
}
