namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// Whether the recording kept to its bounds. The bound on RSS is what the settings allow the rings (every session's
/// byte budget, and the node's) on top of the same number of idle sessions with the recording off, measured in the same
/// run; after the further calls RSS must not have grown by more than the allowed share.
/// </summary>
public sealed record TrafficVerdict(long Budget, long Bound, double GrowthPercent, IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public static TrafficVerdict Judge(TrafficOptions options, ServerMemory off, ServerMemory on)
    {
        var budget = on.Sessions * options.Limits.SessionBytes + options.Limits.NodeBytes;
        var bound = off.Idle + budget;
        var growth = on.AfterFill == 0 ? double.NaN : 100.0 * (on.AfterMore - on.AfterFill) / on.AfterFill;
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
        }
        if (on.AfterFill > bound)
        {
            failures.Add($"RSS after the fill {Mb(on.AfterFill)} MB, above the bound {Mb(bound)} MB");
        }
        if (on.AfterMore > bound)
        {
            failures.Add($"RSS after the further calls {Mb(on.AfterMore)} MB, above the bound {Mb(bound)} MB");
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
        return new TrafficVerdict(budget, bound, growth, failures);
    }

    private static string Mb(long bytes) => Matrix.ResultsReport.Mb(bytes);
}
