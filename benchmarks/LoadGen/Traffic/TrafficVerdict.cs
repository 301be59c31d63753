namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// Whether the recording kept to its bounds, after the fill and after the further calls, each read after a full GC.
/// The cap: what the recording keeps, the managed heap with it on minus with it off after the same calls, is at most
/// what the settings allow the rings (every session's byte budget and the node's), and does not grow by more than the
/// allowed share over the further calls. RSS: with the recording on it is at most the recording-off RSS after the
/// same calls plus that budget (the session state keeps each session's last echo either way), and does not grow by
/// more than the allowed share either.
/// </summary>
public sealed record TrafficVerdict(long Budget, long FillBound, long MoreBound, double GrowthPercent, double HeapGrowthPercent,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public static TrafficVerdict Judge(TrafficOptions options, ServerMemory off, ServerMemory on)
    {
        var budget = on.Sessions * options.Limits.SessionBytes + options.Limits.NodeBytes;
        var (fillBound, moreBound) = (off.AfterFill.Judged + budget, off.AfterMore.Judged + budget);
        var growth = Growth(on.AfterFill.Judged, on.AfterMore.Judged);
        var heapGrowth = on.AfterFill.Heap is { } fillHeap && on.AfterMore.Heap is { } moreHeap ? Growth(fillHeap, moreHeap) : double.NaN;
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
            if (server.AfterFill.Collected is null)
            {
                failures.Add($"{name}: no full GC could be induced (no diagnostic socket), RSS judged as it was");
            }
        }
        var heaps = new[] { ("after the fill", off.AfterFill.Heap, on.AfterFill.Heap), ("after the further calls", off.AfterMore.Heap, on.AfterMore.Heap) };
        foreach (var (when, heapOff, heapOn) in heaps)
        {
            if (heapOff is null || heapOn is null)
            {
                failures.Add($"managed heap {when}: not read");
            }
            else if (heapOn - heapOff > budget)
            {
                failures.Add($"the recording keeps {Mb(heapOn.Value - heapOff.Value)} MB of managed heap {when}, above its budget {Mb(budget)} MB");
            }
        }
        if (!(heapGrowth <= options.MaxGrowthPercent))
        {
            failures.Add($"the managed heap grew {heapGrowth:0.0} % over the further calls (at most {options.MaxGrowthPercent:0.#} % allowed)");
        }
        if (on.AfterFill.Judged > fillBound)
        {
            failures.Add($"RSS after the fill and a full GC {Mb(on.AfterFill.Judged)} MB, above the bound {Mb(fillBound)} MB");
        }
        if (on.AfterMore.Judged > moreBound)
        {
            failures.Add($"RSS after the further calls and a full GC {Mb(on.AfterMore.Judged)} MB, above the bound {Mb(moreBound)} MB");
        }
        if (!(growth <= options.MaxGrowthPercent))
        {
            failures.Add($"RSS after the full GC grew {growth:0.0} % over the further calls (at most {options.MaxGrowthPercent:0.#} % allowed)");
        }
        foreach (var (when, rings) in new[] { ("after the fill", on.RingsAfterFill), ("after the further calls", on.RingsAfterMore) })
        {
            if (rings is null || !rings.Passed)
            {
                failures.Add($"rings {when}: {rings?.Summary ?? "not read"}");
            }
        }
        return new TrafficVerdict(budget, fillBound, moreBound, growth, heapGrowth, failures);
    }

    private static double Growth(long before, long after) => 100.0 * (after - before) / Math.Max(1, before);

    private static string Mb(long bytes) => Matrix.ResultsReport.Mb(bytes);
}
