namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// Whether the recording kept to its bounds. At each step the bound is the same server with the recording off after
/// the same calls (the session state keeps each session's last echo either way) plus what the settings allow the
/// rings: every session's byte budget and the node's. Both are read after a full GC, so the bound is about what is
/// kept, not about garbage the GC has yet to collect. Over the further calls RSS must not grow by more than the
/// allowed share.
/// </summary>
public sealed record TrafficVerdict(long Budget, long FillBound, long MoreBound, double GrowthPercent, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public static TrafficVerdict Judge(TrafficOptions options, ServerMemory off, ServerMemory on)
    {
        var budget = on.Sessions * options.Limits.SessionBytes + options.Limits.NodeBytes;
        var (fillBound, moreBound) = (off.AfterFill.Judged + budget, off.AfterMore.Judged + budget);
        var growth = 100.0 * (on.AfterMore.Judged - on.AfterFill.Judged) / Math.Max(1, on.AfterFill.Judged);
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
        if (on.AfterFill.Judged > fillBound)
        {
            failures.Add($"RSS after the fill {Mb(on.AfterFill.Judged)} MB, above the bound {Mb(fillBound)} MB");
        }
        if (on.AfterMore.Judged > moreBound)
        {
            failures.Add($"RSS after the further calls {Mb(on.AfterMore.Judged)} MB, above the bound {Mb(moreBound)} MB");
        }
        if (!(growth <= options.MaxGrowthPercent))
        {
            failures.Add($"RSS grew {growth:0.0} % over the further calls (at most {options.MaxGrowthPercent:0.#} % allowed)");
        }
        foreach (var (when, rings) in new[] { ("after the fill", on.RingsAfterFill), ("after the further calls", on.RingsAfterMore) })
        {
            if (rings is null || !rings.Passed)
            {
                failures.Add($"rings {when}: {rings?.Summary ?? "not read"}");
            }
        }
        return new TrafficVerdict(budget, fillBound, moreBound, growth, failures);
    }

    private static string Mb(long bytes) => Matrix.ResultsReport.Mb(bytes);
}
