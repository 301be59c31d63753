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
        md.AppendLine($"- Load: {options.Sessions:N0} sessions; each gets {options.Calls} `tools/call echo` (the fill), then {options.MoreCalls} more, in rounds; "
            + $"messages of {string.Join(", ", options.MessageBytes.Select(b => b.ToString("N0", CultureInfo.InvariantCulture)))} characters in turn, "
            + $"over {options.Connections} connections; every answer validated.");
        md.AppendLine();
        md.AppendLine("| MB | recording off: RSS (`VmRSS`) | RSS after a full GC | managed heap then | recording on: RSS | RSS after a full GC | managed heap then |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        Points(md, "no sessions, after a warm-up", off.Empty, on.Empty);
        Points(md, $"{options.Sessions:N0} idle sessions", off.Idle, on.Idle);
        Points(md, $"after the fill ({options.Calls} calls per session)", off.AfterFill, on.AfterFill);
        Points(md, $"after {options.MoreCalls} more calls per session", off.AfterMore, on.AfterMore);
        Pair(md, "peak while sessions were created and called (sampled every 250 ms)", Mb(off.Peak), Mb(on.Peak));
        Pair(md, "sessions created / in s", Created(off), Created(on));
        Pair(md, "the fill: calls / in s (calls/s)", Calls(off.Fill), Calls(on.Fill));
        Pair(md, "the further calls: calls / in s (calls/s)", Calls(off.More), Calls(on.More));
        Pair(md, "errors", $"{off.Errors.Count}", $"{on.Errors.Count}");
        Pair(md, "this column's time, server start to stop, s", $"{off.Duration.TotalSeconds:0}", $"{on.Duration.TotalSeconds:0}");
        md.AppendLine();
        Bound(md, options, off, on, verdict);
        Rings(md, options, on);
        Method(md, options);
        return md.ToString();
    }

    private static void Bound(StringBuilder md, TrafficOptions options, ServerMemory off, ServerMemory on, TrafficVerdict verdict)
    {
        var limits = options.Limits;
        md.AppendLine("| the cap, MB, after a full GC | after the fill | after the further calls |");
        md.AppendLine("|---|---:|---:|");
        md.AppendLine($"| the rings' budget: {on.Sessions:N0} sessions × {limits.SessionBytes:N0} bytes + the node's {limits.NodeBytes:N0} bytes "
            + $"| {Mb(verdict.Budget)} | {Mb(verdict.Budget)} |");
        md.AppendLine($"| **what the recording keeps**: managed heap on − off | **{Diff(on.AfterFill.Heap, off.AfterFill.Heap)}** "
            + $"| **{Diff(on.AfterMore.Heap, off.AfterMore.Heap)}** ({verdict.HeapGrowthPercent:+0.0;-0.0} % heap against after the fill) |");
        md.AppendLine($"| RSS with the recording off after the same calls + the budget: the bound | {Mb(verdict.FillBound)} | {Mb(verdict.MoreBound)} |");
        md.AppendLine($"| **RSS with the recording on** | **{Mb(on.AfterFill.Judged)}** ({Share(on.AfterFill.Judged, verdict.FillBound)} of the bound) "
            + $"| **{Mb(on.AfterMore.Judged)}** ({Share(on.AfterMore.Judged, verdict.MoreBound)}; {verdict.GrowthPercent:+0.0;-0.0} % against after the fill) |");
        md.AppendLine($"| RSS on − off (per session; the budget is {Kb(limits.SessionBytes)} KB) "
            + $"| {Mb(on.AfterFill.Judged - off.AfterFill.Judged)} ({PerSession(on.AfterFill.Judged - off.AfterFill.Judged, on)} KB) "
            + $"| {Mb(on.AfterMore.Judged - off.AfterMore.Judged)} ({PerSession(on.AfterMore.Judged - off.AfterMore.Judged, on)} KB) |");
        md.AppendLine($"| the same before the GC (RSS as it was) | {Mb(on.AfterFill.Raw - off.AfterFill.Raw)} | {Mb(on.AfterMore.Raw - off.AfterMore.Raw)} |");
        md.AppendLine($"| for comparison: RSS of the {off.Sessions:N0} sessions idle with the recording off + the budget "
            + $"| {Mb(off.Idle.Judged + verdict.Budget)} | {Mb(off.Idle.Judged + verdict.Budget)} |");
        md.AppendLine();
        md.AppendLine($"Growth over the further calls may be at most +{options.MaxGrowthPercent:0.#} %.").AppendLine();
    }

    private static void Rings(StringBuilder md, TrafficOptions options, ServerMemory on)
    {
        var limits = options.Limits;
        md.AppendLine($"Rings with the recording on, read through `/traffic/api/sessions/ID` on {options.Samples} sessions spread over all "
            + "(the first and the last included) and `/traffic/api/exchanges?limit=100000` (the node's ring); bytes are what the ring "
            + "counts (`ExchangeRecord.Size`, recomputed from the JSON):").AppendLine();
        md.AppendLine("| | after the fill | after the further calls |");
        md.AppendLine("|---|---:|---:|");
        RingRow(md, on, "sampled session rings full: evicted > 0, and at the count or one more exchange like the newest would evict",
            r => $"{r.Full}/{r.Sessions.Count}");
        RingRow(md, on, $"sampled session rings within their bounds (≤ {limits.SessionExchanges} exchanges, ≤ {limits.SessionBytes:N0} bytes or one exchange alone)",
            r => $"{r.WithinCap}/{r.Sessions.Count}" + (r.Missing > 0 ? $", {r.Missing} not found" : ""));
        RingRow(md, on, "exchanges kept per session ring: min / max", r => Range(r, s => s.Kept));
        RingRow(md, on, "exchanges evicted per session ring: min / max", r => Range(r, s => s.Evicted));
        RingRow(md, on, "bytes counted per session ring: mean / max", r => r.Sessions.Count == 0 ? "—"
            : $"{r.Sessions.Average(s => s.KeptBytes):N0} / {r.Sessions.Max(s => s.KeptBytes):N0}");
        RingRow(md, on, "largest single exchange counted, bytes", r => $"{r.Sessions.Select(s => s.LargestBytes).DefaultIfEmpty().Max():N0}");
        RingRow(md, on, $"kept exchanges with a body cut at {limits.BodyBytes:N0} bytes / all kept", r => $"{r.Sessions.Sum(s => s.CutBodies)} / {r.Sessions.Sum(s => s.Kept)}");
        RingRow(md, on, $"node ring: exchanges kept (≤ {limits.NodeExchanges:N0}) / evicted", r => $"{r.Node?.Kept:N0} / {r.Node?.Evicted:N0}");
        RingRow(md, on, $"node ring: bytes counted (≤ {limits.NodeBytes:N0}); within its bounds", r => $"{r.Node?.KeptBytes:N0}; {(r.NodeWithinCap ? "yes" : "**no**")}");
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
            cycle. After each step RSS is read once the server has been idle 3 s, then again 3 s after a full blocking GC
            induced from outside (an EventPipe session on the runtime provider with the GCHeapCollect keyword, as
            dotnet-gcdump does), with the managed heap the server's `healthProbe` tool reports then (GC.GetTotalMemory, over
            a session of the probe's own), and only then are the rings read. A session's ring evicts its oldest exchanges while it
            holds more than `MCP_TRAFFIC_SESSION_EXCHANGES` or counts more than `MCP_TRAFFIC_SESSION_BYTES`, but keeps the
            newest one even when it alone is larger; the node's ring likewise with `MCP_TRAFFIC_EXCHANGES` and
            `MCP_TRAFFIC_BYTES`, and holds the same records as the sessions' rings. The bound's base is the recording-off
            server after the same calls, not its idle sessions: the session state keeps each session's last echoed message
            with the recording on or off, about 2 bytes per character of the message, which is not the recording's.
            RSS before the GC includes garbage the GC has not collected yet, and RSS after it the free space the GC keeps
            (fragmentation, budgets); the managed heap after the GC is what is live.

            """);
    }

    private static void RingRow(StringBuilder md, ServerMemory on, string label, Func<RingReport, string> cell) =>
        md.AppendLine($"| {label} | {(on.RingsAfterFill is { } a ? cell(a) : "—")} | {(on.RingsAfterMore is { } b ? cell(b) : "—")} |");

    private static string Range(RingReport rings, Func<RingState, long> pick) =>
        rings.Sessions.Count == 0 ? "—" : $"{rings.Sessions.Min(pick):N0} / {rings.Sessions.Max(pick):N0}";

    private static void Pair(StringBuilder md, string label, string off, string on) => md.AppendLine($"| {label} | {off} | | | {on} | | |");

    private static void Points(StringBuilder md, string label, RssPoint off, RssPoint on) => md.AppendLine(
        $"| {label} | {Mb(off.Raw)} | {Mb(off.Collected)} | {Mb(off.Heap)} | {Mb(on.Raw)} | {Mb(on.Collected)} | {Mb(on.Heap)} |");

    private static string Diff(long? on, long? off) => on is { } a && off is { } b ? Mb(a - b) : "—";

    private static string PerSession(long bytes, ServerMemory on) => Kb(bytes / Math.Max(1, on.Sessions));

    private static string Created(ServerMemory server) => $"{server.Sessions:N0} / {server.CreateTime.TotalSeconds:0.0}";

    private static string Calls(FillResult fill) => $"{fill.Calls:N0} / {fill.Elapsed.TotalSeconds:0.0} ({fill.CallsPerSecond:0})";

    private static string Share(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
