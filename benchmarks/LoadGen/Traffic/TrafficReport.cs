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
        md.AppendLine($"- Load: {options.Sessions:N0} sessions; each gets {options.Calls} `tools/call echo` (the fill), then {options.MoreCalls} more; "
            + $"messages of {string.Join(", ", options.MessageBytes.Select(b => b.ToString("N0", CultureInfo.InvariantCulture)))} characters in turn, "
            + $"over {options.Connections} connections; every answer validated.");
        md.AppendLine();
        md.AppendLine("| RSS (`VmRSS`), MB | recording off | recording on |");
        md.AppendLine("|---|---:|---:|");
        Pair(md, "no sessions, after a warm-up", Mb(off.Empty), Mb(on.Empty));
        Pair(md, $"{options.Sessions:N0} idle sessions", Mb(off.Idle), Mb(on.Idle));
        Pair(md, $"after the fill ({options.Calls} calls per session)", Mb(off.AfterFill), Mb(on.AfterFill));
        Pair(md, $"after {options.MoreCalls} more calls per session", Mb(off.AfterMore), Mb(on.AfterMore));
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
        md.AppendLine("| the cap | MB |");
        md.AppendLine("|---|---:|");
        md.AppendLine($"| the rings' budget: {on.Sessions:N0} sessions × {limits.SessionBytes:N0} bytes + the node's {limits.NodeBytes:N0} bytes | {Mb(verdict.Budget)} |");
        md.AppendLine($"| + RSS of {off.Sessions:N0} idle sessions with the recording off | {Mb(off.Idle)} |");
        md.AppendLine($"| **= the bound** | **{Mb(verdict.Bound)}** |");
        md.AppendLine($"| RSS with the recording on, after the fill | {Mb(on.AfterFill)} ({Share(on.AfterFill, verdict.Bound)} of the bound) |");
        md.AppendLine($"| RSS with the recording on, after {options.MoreCalls} more calls per session | {Mb(on.AfterMore)} ({Share(on.AfterMore, verdict.Bound)} of the bound; "
            + $"{verdict.GrowthPercent:+0.0;-0.0} % against after the fill, at most +{options.MaxGrowthPercent:0.#} % allowed) |");
        md.AppendLine($"| what the recording adds, RSS on − off: after the fill / after the further calls | {Mb(on.AfterFill - off.AfterFill)} / "
            + $"{Mb(on.AfterMore - off.AfterMore)} ({Kb((on.AfterMore - off.AfterMore) / Math.Max(1, on.Sessions))} KB per session; "
            + $"budget {Kb(limits.SessionBytes)} KB) |");
        md.AppendLine();
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
            Method: for each column a fresh server process; {TrafficMemoryRun.WarmSessions} sessions created, given one call of each message size and
            deleted (the warm-up); RSS read 3 s later ("no sessions"); {options.Sessions:N0} sessions created (initialize +
            notifications/initialized) over 32 connections, RSS read 3 s later; then every session gets its calls, one after
            another, the sessions spread over {options.Connections} connections; call k of session i carries message size
            (i + k) mod {options.MessageBytes.Length} of the list, so the sessions' rings stand at every point of the cycle. RSS is
            read 3 s after each step, before the rings are read. A session's ring evicts its oldest exchanges while it holds
            more than `MCP_TRAFFIC_SESSION_EXCHANGES` or counts more than `MCP_TRAFFIC_SESSION_BYTES`, but keeps the newest one
            even when it alone is larger; the node's ring likewise with `MCP_TRAFFIC_EXCHANGES` and `MCP_TRAFFIC_BYTES`, and holds
            the same records as the sessions' rings. The bound takes every session's ring at its full budget, the node's
            ring on top, and the same sessions idle with the recording off as the base; RSS includes garbage the GC has not
            yet collected. The session state keeps the last echoed message with the recording on or off, which is why the
            on − off difference is the recording's own share.
            """);
    }

    private static void RingRow(StringBuilder md, ServerMemory on, string label, Func<RingReport, string> cell) =>
        md.AppendLine($"| {label} | {(on.RingsAfterFill is { } a ? cell(a) : "—")} | {(on.RingsAfterMore is { } b ? cell(b) : "—")} |");

    private static string Range(RingReport rings, Func<RingState, long> pick) =>
        rings.Sessions.Count == 0 ? "—" : $"{rings.Sessions.Min(pick):N0} / {rings.Sessions.Max(pick):N0}";

    private static void Pair(StringBuilder md, string label, string off, string on) => md.AppendLine($"| {label} | {off} | {on} |");

    private static string Created(ServerMemory server) => $"{server.Sessions:N0} / {server.CreateTime.TotalSeconds:0.0}";

    private static string Calls(FillResult fill) => $"{fill.Calls:N0} / {fill.Elapsed.TotalSeconds:0.0} ({fill.CallsPerSecond:0})";

    private static string Share(long part, long whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
