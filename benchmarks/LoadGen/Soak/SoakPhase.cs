using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>One server process of a soak phase: its RSS trend under load, its RSS after the drain, what it logged, its CPU.</summary>
public sealed record SoakNode(string Name, int Pid, MemoryTrend Memory, double DrainedMb, long LogLines, IReadOnlyList<string> RecentLog, TimeSpan Cpu);

/// <summary>What one soak phase (one node, or a cluster) saw.</summary>
/// <param name="Ready">The probes before the load; their /health counters are the base of <see cref="Expected"/>.</param>
public sealed record SoakPhase(string Name, TimeSpan Duration, TimeSpan WarmUp, TimeSpan Elapsed, Readiness Ready, SoakCounters Counters,
    ErrorLog Errors, IReadOnlyList<SoakNode> Nodes, IReadOnlyList<SoakSample> Samples, HealthCounts? Final)
{
    /// <summary>The /health counters the client's own counts predict once every abandoned session has expired.</summary>
    public SessionCounters Expected => Ready.Before + new SessionCounters(0, Counters[SoakCount.Created],
        Counters[SoakCount.Abandoned] + Counters[SoakCount.LeftByError], Counters[SoakCount.Deleted], 0);

    public bool Settled => Final?.Sessions == Expected;

    /// <summary>Why this phase fails; empty when it passes.</summary>
    public List<string> Failures(SoakOptions options)
    {
        var failures = new List<string>();
        if (Errors.Count > 0)
        {
            failures.Add($"{Errors.Count} errors");
        }
        foreach (var node in Nodes.Where(n => !n.Memory.Flat(options.MaxSlopeMbPerMinute, options.MaxDriftPercent)))
        {
            var m = node.Memory;
            failures.Add($"{node.Name}: memory not flat (floor slope {m.FloorSlopeMbPerMinute:0.000} MB/min, last floor "
                + $"{m.FloorDriftPercent:+0.0;-0.0} % against the first, {m.Floors.Count} floors of {options.FloorWindow.TotalMinutes:0.#} min "
                + $"after a {WarmUp.TotalMinutes:0.#}-minute warm-up, at least {MemoryTrend.MinFloors} needed)");
        }
        if (Final is not { } final)
        {
            failures.Add("no final /health");
        }
        else
        {
            // The load's own sessions must add up; a probe refused before it may have left total_created one over.
            var s = final.Sessions - Ready.Before;
            if (s.Created != s.Expired + s.Ended + s.Active)
            {
                failures.Add($"/health, less the counters before the load: total_created {s.Created} ≠ expired {s.Expired} + ended {s.Ended} "
                    + $"+ active {s.Active}");
            }
            if (!Settled)
            {
                failures.Add($"/health {Format(final.Sessions)} after the drain, expected {Format(Expected)}");
            }
        }
        return failures;
    }

    public static string Format(SessionCounters c) =>
        $"active {c.Active}, total_created {c.Created}, expired {c.Expired}, ended {c.Ended}, rejected {c.Rejected}";
}
