using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Matrix;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>The traffic-memory section of RESULTS.md (without its markers).</summary>
public static class TrafficReport
{
    public static string Render(TrafficOptions options, ServerMemory off, ServerMemory on, TrafficVerdict verdict, DateTimeOffset started,
        string loadAtStart)
    {
        var md = new StringBuilder();
        var limits = options.Limits;
        md.AppendLine("## Traffic recording: memory").AppendLine();
        md.AppendLine($"Written by `{options.Command}` (commit {options.Commit}). Result: "
            + (verdict.Passed ? "**passed**." : "**FAILED**: " + string.Join("; ", verdict.Failures) + "."));
        md.AppendLine();
        md.AppendLine($"- Started {started:yyyy-MM-dd HH:mm} UTC, finished {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC "
            + $"({(DateTimeOffset.UtcNow - started).TotalMinutes:0.0} minutes); {MachineInfo.Cpu()}, {Environment.ProcessorCount} cores shared by "
            + $"the server and the load generator, {MachineInfo.Memory()}; load average at start {loadAtStart}, at end {MachineInfo.LoadAverage()}.");
        md.AppendLine($"- Server: Release build, a fresh process per column, `--MCP_MAX_SESSIONS={TrafficMemoryRun.MaxSessions(options)} --ECHO_LOG_LEVEL=WARNING`; "
            + $"recording bounds {string.Join(", ", limits.Arguments().Select(a => $"`{a[2..]}`"))}"
            + (limits == TrafficLimits.Defaults ? " (the defaults)" : "")
            + (options.ServerEnvironment.Count > 0 ? "; environment " + string.Join(", ", options.ServerEnvironment.Select(e => $"`{e.Key}={e.Value}`")) : "")
            + ".");
        md.AppendLine($"- Load: {options.Sessions:N0} sessions; each gets {options.Calls} `tools/call echo` (the fill), then {options.MoreSteps} × "
            + $"{options.MoreCalls} more, in rounds; messages of {string.Join(", ", options.MessageBytes.Select(b => b.ToString("N0", CultureInfo.InvariantCulture)))} "
            + $"characters in turn, over {options.Connections} connections; every answer validated.");
        md.AppendLine();
        md.AppendLine("| MB | recording off: RSS (`VmRSS`) | RSS after a full GC | managed heap then | recording on: RSS | RSS after a full GC | managed heap then |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        Points(md, "no sessions, after a warm-up", off.Empty, on.Empty);
        Points(md, $"{options.Sessions:N0} idle sessions", off.Idle, on.Idle);
        foreach (var (a, b) in off.Steps.Zip(on.Steps))
        {
            Points(md, TrafficVerdict.Step(b), a.Rss, b.Rss);
        }
        Pair(md, "peak RSS while sessions were created and called (sampled every 250 ms)", Mb(off.Peak), Mb(on.Peak));
        Pair(md, "sessions created / in s", Created(off), Created(on));
        foreach (var (a, b) in off.Steps.Zip(on.Steps))
        {
            Pair(md, $"calls {b.FirstCall + 1}–{b.FirstCall + b.CallsPerSession}: calls / in s (calls/s)", Calls(a.Calls), Calls(b.Calls));
        }
        Pair(md, "errors", $"{off.Errors.Count}", $"{on.Errors.Count}");
        Pair(md, "this column's time, server start to stop, s", $"{off.Duration.TotalSeconds:0}", $"{on.Duration.TotalSeconds:0}");
        md.AppendLine();
        Cap(md, options, off, on, verdict);
        Rings(md, options, on);
        Method(md, options);
        return md.ToString();
    }

    private static void Cap(StringBuilder md, TrafficOptions options, ServerMemory off, ServerMemory on, TrafficVerdict verdict)
    {
        var limits = options.Limits;
        var steps = off.Steps.Zip(on.Steps, verdict.Bounds).ToArray();
        md.AppendLine("| the cap, MB, after a full GC | " + string.Join(" | ", on.Steps.Select(TrafficVerdict.Step)) + " |");
        md.AppendLine("|---|" + string.Concat(on.Steps.Select(_ => "---:|")));
        Cells(md, $"the rings' budget: {on.Sessions:N0} sessions × {limits.SessionBytes:N0} bytes + the node's {limits.NodeBytes:N0} bytes",
            steps.Select(_ => Mb(verdict.Budget)));
        Cells(md, $"**what the recording keeps**: managed heap on − off (per session; its budget {Kb(limits.SessionBytes)} KB)",
            steps.Select(s => s.Second.Rss.Heap - s.First.Rss.Heap is { } kept ? $"**{Mb(kept)}** ({PerSession(kept, on)} KB)" : "—"));
        Cells(md, "the bound: RSS with the recording off after the same calls + the budget", steps.Select(s => Mb(s.Third)));
        Cells(md, "**RSS with the recording on**", steps.Select(s => $"**{Mb(s.Second.Rss.Judged)}** ({Share(s.Second.Rss.Judged, s.Third)} of the bound)"));
        Cells(md, "RSS on − off", steps.Select(s => Mb(s.Second.Rss.Judged - s.First.Rss.Judged)));
        Cells(md, "RSS on − off before the GC (as it was)", steps.Select(s => Mb(s.Second.Rss.Raw - s.First.Rss.Raw)));
        Cells(md, $"for comparison: RSS of the {off.Sessions:N0} sessions idle with the recording off + the budget", steps.Select(_ => Mb(off.Idle.Judged + verdict.Budget)));
        md.AppendLine();
        md.AppendLine($"The last step against the highest earlier one, with the recording on: RSS after a full GC {verdict.RssGrowth:+0.0;-0.0} %, "
            + $"managed heap {verdict.HeapGrowth:+0.0;-0.0} % (at most +{options.MaxGrowthPercent:0.#} % allowed).").AppendLine();
    }

    private static void Rings(StringBuilder md, TrafficOptions options, ServerMemory on)
    {
        var limits = options.Limits;
        md.AppendLine($"Rings with the recording on, read through `/traffic/api/sessions/ID` on {options.Samples} sessions spread over all "
            + "(the first and the last included) and `/traffic/api/exchanges?limit=100000` (the node's ring); bytes are what the ring "
            + "counts (`ExchangeRecord.Size`, recomputed from the JSON):").AppendLine();
        md.AppendLine("| | " + string.Join(" | ", on.Steps.Select(TrafficVerdict.Step)) + " |");
        md.AppendLine("|---|" + string.Concat(on.Steps.Select(_ => "---:|")));
        var rings = on.Steps.Select(s => s.Rings).ToArray();
        RingRow(md, rings, "sampled session rings full: evicted > 0, and at the count or one more exchange like the newest would evict",
            r => $"{r.Full}/{r.Sessions.Count}");
        RingRow(md, rings, $"sampled session rings within their bounds (≤ {limits.SessionExchanges} exchanges, ≤ {limits.SessionBytes:N0} bytes or one exchange alone)",
            r => $"{r.WithinCap}/{r.Sessions.Count}" + (r.Missing > 0 ? $", {r.Missing} not found" : ""));
        RingRow(md, rings, "exchanges kept per session ring: min / max", r => Range(r, s => s.Kept));
        RingRow(md, rings, "exchanges evicted per session ring: min / max", r => Range(r, s => s.Evicted));
        RingRow(md, rings, "bytes counted per session ring: mean / max", r => r.Sessions.Count == 0 ? "—"
            : $"{r.Sessions.Average(s => s.KeptBytes):N0} / {r.Sessions.Max(s => s.KeptBytes):N0}");
        RingRow(md, rings, "largest single exchange counted, bytes", r => $"{r.Sessions.Select(s => s.LargestBytes).DefaultIfEmpty().Max():N0}");
        RingRow(md, rings, $"kept exchanges with a body cut at {limits.BodyBytes:N0} bytes / all kept", r => $"{r.Sessions.Sum(s => s.CutBodies)} / {r.Sessions.Sum(s => s.Kept)}");
        RingRow(md, rings, $"node ring: exchanges kept (≤ {limits.NodeExchanges:N0}) / evicted", r => $"{r.Node?.Kept:N0} / {r.Node?.Evicted:N0}");
        RingRow(md, rings, $"node ring: bytes counted (≤ {limits.NodeBytes:N0}); within its bounds", r => $"{r.Node?.KeptBytes:N0}; {(r.NodeWithinCap ? "yes" : "**no**")}");
        md.AppendLine();
    }

    private static void Method(StringBuilder md, TrafficOptions options)
    {
        md.AppendLine($"""
            Method: for each column a fresh server process; {TrafficMemoryRun.WarmSessions} sessions created, given one call of
            each message size and deleted (the warm-up); then {options.Sessions:N0} sessions created (initialize +
            notifications/initialized) over 32 connections; then the calls, in rounds over {options.Connections} connections:
            every session gets call k before any gets call k + 1, so that a recorded exchange lives a round (long enough to
            reach the GC's older generations) before its session's next one evicts it. Call k of session i carries message
            size (i + k) mod {options.MessageBytes.Length} of the list, so the sessions' rings stand at every point of the
            cycle. The calls come in steps: the fill, then {options.MoreSteps} × {options.MoreCalls} more. After each step RSS
            is read once the server has been idle 3 s, then again after a full blocking GC induced from outside (an
            EventPipe session on the runtime provider with the GCHeapCollect keyword, as dotnet-gcdump does), with the
            managed heap the server's `healthProbe` tool reports then (GC.GetTotalMemory, over a session of the probe's
            own), and only then are the rings read. A session's ring evicts its oldest exchanges while it
            holds more than `MCP_TRAFFIC_SESSION_EXCHANGES` or counts more than `MCP_TRAFFIC_SESSION_BYTES`, but keeps the
            newest one even when it alone is larger; the node's ring likewise with `MCP_TRAFFIC_EXCHANGES` and
            `MCP_TRAFFIC_BYTES`, and holds the same records as the sessions' rings. The bound's base is the recording-off
            server after the same calls, not its idle sessions: the session state keeps each session's last echoed message
            with the recording on or off, about 2 bytes per character of the message, which is not the recording's.
            After the GC, RSS is read once it has stopped falling (the GC hands freed regions back over some seconds). RSS
            before the GC includes garbage the GC has not collected yet, and RSS after it the free space the GC keeps
            (fragmentation, budgets), which swings from step to step with the same live heap; the managed heap after the GC is
            what is live. Growth is the last step against the highest earlier one: once the rings are full, a new high is
            growth.

            """);
    }

    private static void RingRow(StringBuilder md, RingReport?[] rings, string label, Func<RingReport, string> cell) =>
        Cells(md, label, rings.Select(r => r is null ? "—" : cell(r)));

    private static void Cells(StringBuilder md, string label, IEnumerable<string> cells) =>
        md.AppendLine($"| {label} | {string.Join(" | ", cells)} |");

    private static string Range(RingReport rings, Func<RingState, long> pick) =>
        rings.Sessions.Count == 0 ? "—" : $"{rings.Sessions.Min(pick):N0} / {rings.Sessions.Max(pick):N0}";

    private static void Pair(StringBuilder md, string label, string off, string on) => md.AppendLine($"| {label} | {off} | | | {on} | | |");

    private static void Points(StringBuilder md, string label, RssPoint off, RssPoint on) => md.AppendLine(
        $"| {label} | {Mb(off.Raw)} | {Mb(off.Collected)} | {Mb(off.Heap)} | {Mb(on.Raw)} | {Mb(on.Collected)} | {Mb(on.Heap)} |");

    private static string PerSession(long bytes, ServerMemory on) => Kb(bytes / Math.Max(1, on.Sessions));

    private static string Created(ServerMemory server) => $"{server.Sessions:N0} / {server.CreateTime.TotalSeconds:0.0}";

    private static string Calls(FillResult fill) => $"{fill.Calls:N0} / {fill.Elapsed.TotalSeconds:0.0} ({fill.CallsPerSecond:0})";

    private static string Share(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
