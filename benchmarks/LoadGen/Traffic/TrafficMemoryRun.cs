using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Matrix;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>One step of calls: so many per session, how long they took, then memory and (recording on) the rings.</summary>
public sealed record CallStep(int FirstCall, int CallsPerSession, FillResult Calls, RssPoint Rss, RingReport? Rings);

/// <summary>Memory of one fresh server through the run: empty, with idle sessions, then after each step of calls (the
/// fill first, then the further steps).</summary>
public sealed record ServerMemory(
    bool Recording, RssPoint Empty, RssPoint Idle, IReadOnlyList<CallStep> Steps, long Peak, int Sessions, TimeSpan CreateTime,
    ErrorLog Errors, TimeSpan Duration);

/// <summary>
/// The traffic recording's memory: a fresh server with the recording off, then one with it on, each given the same
/// sessions and the same calls; RSS read at each step, the rings read through the traffic API.
/// </summary>
public static class TrafficMemoryRun
{
    public const int WarmSessions = 200;

    public static int MaxSessions(TrafficOptions options) => options.Sessions + WarmSessions + 1000;

    public static async Task<int> Run(TrafficOptions options, CancellationToken cancel)
    {
        var started = DateTimeOffset.UtcNow;
        var load = Matrix.MachineInfo.LoadAverage();
        var off = await Measure(options, recording: false, cancel);
        var on = await Measure(options, recording: true, cancel);
        var verdict = TrafficVerdict.Judge(options, off, on);
        var existing = File.Exists(options.OutFile) ? await File.ReadAllTextAsync(options.OutFile, cancel) : null;
        var section = TrafficReport.Render(options, off, on, verdict, started, load);
        await File.WriteAllTextAsync(options.OutFile, MarkedSection.Traffic.Put(existing, section), cancel);
        Console.WriteLine($"traffic memory: {(verdict.Passed ? "passed" : "FAILED: " + string.Join("; ", verdict.Failures))}; "
            + $"wrote the traffic section of {options.OutFile}");
        return verdict.Passed ? 0 : 1;
    }

    private static async Task<ServerMemory> Measure(TrafficOptions options, bool recording, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var name = recording ? ServerLaunch.Ours : FeatureSwitch.All[0].ServerName;
        await using var server = await ServerLaunch.StartOurs(options.ServerDll, MaxSessions(options),
            options.ServerEnvironment, name, [$"--MCP_TRAFFIC_ENABLED={(recording ? "true" : "false")}", .. options.Limits.Arguments()]);
        var target = server.Target;
        var pid = target.Pid!.Value;
        var errors = new ErrorLog();
        // Warms the paths measured (create, large echo calls, delete) so that JIT and pools are settled before the baseline.
        var warm = await SessionChurnRun.Create(target, WarmSessions, 16, TimeSpan.MaxValue, errors, cancel);
        await TrafficFill.Run(target, warm.Ids, 0, options.MessageBytes.Length, options.MessageBytes, options.Connections, errors, cancel);
        await SessionChurnRun.Delete(target, warm.Ids, 16, errors, cancel);
        using var probe = await MemoryProbe.Open(target, cancel);
        var empty = await probe.Read(cancel);
        await using var peak = new PeakRss(pid);
        var (ids, createTime) = await SessionChurnRun.Create(target, options.Sessions, 32, TimeSpan.MaxValue, errors, cancel);
        var idle = await probe.Read(cancel);
        Console.WriteLine($"{name}: {ids.Length} sessions created in {createTime.TotalSeconds:0.0} s; RSS empty {Mb(empty)}, idle {Mb(idle)} MB");
        var steps = new List<CallStep>();
        var first = 0;
        foreach (var calls in new[] { options.Calls }.Concat(Enumerable.Repeat(options.MoreCalls, options.MoreSteps)))
        {
            var done = await TrafficFill.Run(target, ids, first, calls, options.MessageBytes, options.Connections, errors, cancel);
            var rss = await probe.Read(cancel);
            var rings = recording ? await RingCheck.Run(target, ids, options.Samples, options.Limits, cancel) : null;
            steps.Add(new CallStep(first, calls, done, rss, rings));
            first += calls;
            Console.WriteLine($"{name}: calls {steps[^1].FirstCall + 1}–{first} of each session, {done.Calls} in {done.Elapsed.TotalSeconds:0.0} s "
                + $"({done.CallsPerSecond:0}/s); RSS {Mb(rss)} MB" + (rings is null ? "" : "; " + rings.Summary));
        }
        Console.WriteLine($"{name}: peak RSS {Mb(peak.Bytes)} MB; {errors.Count} errors {Matrix.MatrixRunner.Samples(errors)}");
        return new ServerMemory(recording, empty, idle, steps, Math.Max(peak.Bytes, steps[^1].Rss.Raw), ids.Length, createTime, errors,
            Stopwatch.GetElapsedTime(started));
    }

    private static string Mb(RssPoint rss) =>
        $"{Matrix.ResultsReport.Mb(rss.Raw)} ({Matrix.ResultsReport.Mb(rss.Collected)} after a full GC, heap {Matrix.ResultsReport.Mb(rss.Heap)})";

    private static string Mb(long bytes) => Matrix.ResultsReport.Mb(bytes);
}
