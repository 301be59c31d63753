namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// Whether the recording kept to its bounds, at each step of calls, read after a full GC. The cap: what the recording
/// keeps, the managed heap with it on minus with it off after the same calls, is at most what the settings allow the
/// rings (every session's byte budget and the node's). RSS: with the recording on it is at most the recording-off RSS
/// after the same calls plus that budget (the session state keeps each session's last echo either way). Neither may
/// end more than the allowed share above the highest of the earlier steps: once the rings are full, a new high is
/// growth. (RSS after a full GC swings between steps with the same live heap, with the recording off too, as the GC
/// keeps more or less free space; a comparison with one earlier step alone would judge that swing.)
/// </summary>
public sealed record TrafficVerdict(long Budget, IReadOnlyList<long> Bounds, double RssGrowth, double HeapGrowth, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public static TrafficVerdict Judge(TrafficOptions options, ServerMemory off, ServerMemory on)
    {
        var budget = on.Sessions * options.Limits.SessionBytes + options.Limits.NodeBytes;
        var failures = new List<string>();
        foreach (var server in new[] { off, on })
        {
            var name = server.Recording ? "recording on" : "recording off";
            if (server.Sessions < options.Sessions)
            {
                failures.Add($"{name}: {server.Sessions} of {options.Sessions} sessions created");
            }
            if (server.Errors.Count > 0)
            {
                failures.Add($"{name}: {server.Errors.Count} errors");
            }
            if (server.Steps.Any(step => step.Rss.Collected is null || step.Rss.Heap is null))
            {
                failures.Add($"{name}: no full GC could be induced or no managed heap read");
            }
        }
        var bounds = new List<long>();
        foreach (var (before, after) in off.Steps.Zip(on.Steps))
        {
            var when = Step(after);
            var bound = before.Rss.Judged + budget;
            bounds.Add(bound);
            if (after.Rss.Heap - before.Rss.Heap is { } kept && kept > budget)
            {
                failures.Add($"the recording keeps {Mb(kept)} MB of managed heap {when}, above its budget {Mb(budget)} MB");
            }
            if (after.Rss.Judged > bound)
            {
                failures.Add($"RSS after a full GC {when} {Mb(after.Rss.Judged)} MB, above the bound {Mb(bound)} MB");
            }
            if (after.Rings is not { Passed: true })
            {
                failures.Add($"rings {when}: {after.Rings?.Summary ?? "not read"}");
            }
        }
        var (earlier, last) = (on.Steps.SkipLast(1).Select(step => step.Rss).ToArray(), on.Steps[^1].Rss);
        var rssGrowth = Growth(earlier.Max(rss => rss.Judged), last.Judged);
        var heapGrowth = last.Heap is { } heap && earlier.All(rss => rss.Heap is not null) ? Growth(earlier.Max(rss => rss.Heap!.Value), heap) : double.NaN;
        if (!(rssGrowth <= options.MaxGrowthPercent))
        {
            failures.Add($"RSS after a full GC ended {rssGrowth:0.0} % above the highest earlier step (at most {options.MaxGrowthPercent:0.#} % allowed)");
        }
        if (!(heapGrowth <= options.MaxGrowthPercent))
        {
            failures.Add($"the managed heap ended {heapGrowth:0.0} % above the highest earlier step (at most {options.MaxGrowthPercent:0.#} % allowed)");
        }
        return new TrafficVerdict(budget, bounds, rssGrowth, heapGrowth, failures);
    }

    /// <summary>"after calls 1–8", as the report names a step.</summary>
    public static string Step(CallStep step) => $"after calls {step.FirstCall + 1}–{step.FirstCall + step.CallsPerSession}";

    private static double Growth(long before, long after) => 100.0 * (after - before) / Math.Max(1, before);

    private static string Mb(long bytes) => Matrix.ResultsReport.Mb(bytes);
}
