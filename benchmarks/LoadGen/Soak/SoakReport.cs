using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>Renders the soak's section of RESULTS.md (the content between its markers).</summary>
public static class SoakReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SoakOptions options, DateTimeOffset started, string loadAtStart, IReadOnlyList<SoakPhase> phases, List<string> failures)
    {
        var md = new StringBuilder();
        md.AppendLine("## Soak").AppendLine();
        md.AppendLine($"Written by `{options.Command}` (commit {options.Commit}), which is not run by CI. Result: "
            + (failures.Count == 0 ? "**passed**: 0 errors, memory flat on every node, final counts as expected." : "**FAILED**: " + string.Join("; ", failures) + "."));
        md.AppendLine();
        md.AppendLine($"- Started {started:yyyy-MM-dd HH:mm} UTC, finished {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {MachineInfo.Cpu()}, "
            + $"{Environment.ProcessorCount} cores shared by the servers and the load generator, {MachineInfo.Memory()}; load average at start "
            + $"{loadAtStart}, at end {MachineInfo.LoadAverage()}.");
        md.AppendLine($"- Server: Release build, `MCP_SESSION_TIMEOUT={options.SessionTimeout.TotalSeconds:0}`, `--MCP_MAX_SESSIONS=200000 "
            + $"--ECHO_LOG_LEVEL=WARNING`; {options.Workers} client workers; RSS (`VmRSS`) of every server process sampled every "
            + $"{options.SampleInterval.TotalSeconds:0} s.");
        md.AppendLine($"- Flat means, on every node: after the warm-up ({options.WarmUpText}) the least-squares slope of RSS is at most "
            + $"{Num(options.MaxSlopeMbPerMinute, "0.0##")} MB/min, and RSS at the end (mean of the last 3 samples) is at most "
            + $"{Num(options.MaxDriftPercent, "0.#")} % above RSS after the warm-up (mean of the first 3 samples after it). The run fails on any "
            + "error, a node that is not flat, or final `/health` counts other than those the client's own counts predict.");
        md.AppendLine();
        Counts(md, phases);
        Memory(md, options, phases);
        foreach (var phase in phases)
        {
            Curve(md, phase);
        }
        var errors = phases.Where(p => p.Errors.Count > 0).ToList();
        foreach (var phase in errors)
        {
            md.AppendLine($"Errors, {phase.Name} (the first {phase.Errors.Samples.Count} of {phase.Errors.Count}):").AppendLine();
            phase.Errors.Samples.ToList().ForEach(error => md.AppendLine($"- `{error}`"));
            md.AppendLine();
        }
        Method(md, options);
        return md.ToString();
    }

    private static void Counts(StringBuilder md, IReadOnlyList<SoakPhase> phases)
    {
        md.AppendLine("| | " + string.Join(" | ", phases.Select(p => p.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(phases.Select(_ => "---:|")));
        Row(md, phases, "load, minutes", p => Num(p.Elapsed.TotalMinutes, "0.0"));
        Row(md, phases, "sessions created", p => Count(p, SoakCount.Created));
        Row(md, phases, "echo calls, every answer validated", p => Count(p, SoakCount.EchoCalls));
        Row(md, phases, "sessions deleted / then answering 404", p => $"{Count(p, SoakCount.Deleted)} / {Count(p, SoakCount.DeletedProbed)}");
        Row(md, phases, "sessions abandoned to expire / answering 404 after the timeout + 10 s",
            p => $"{Count(p, SoakCount.Abandoned)} / {Count(p, SoakCount.ExpiredProbed)}");
        Row(md, phases, "GET streams opened / served by a node other than the creating one",
            p => $"{Count(p, SoakCount.StreamsOpened)} / {Count(p, SoakCount.StreamsAcrossNodes)}");
        Row(md, phases, "stream events received (one per echo call on a streamed session)", p => Count(p, SoakCount.StreamEvents));
        Row(md, phases, "streams completed by the server at DELETE / at expiry; closed by the client before DELETE / at abandon (watch limit)",
            p => $"{Count(p, SoakCount.StreamsEndedByDelete)} / {Count(p, SoakCount.StreamsEndedByExpiry)}; "
                + $"{Count(p, SoakCount.StreamsClosedByClient)} / {Count(p, SoakCount.StreamsUnwatched)}");
        Row(md, phases, "**errors**", p => $"**{p.Errors.Count}**");
        Row(md, phases, "active sessions during the load (`/health`), max", p => p.Samples.Max(s => s.Active)?.ToString("N0", Invariant) ?? "—");
        Row(md, phases, "final `/health`: active / total_created / expired / ended / rejected",
            p => p.Final is { Sessions: var s } ? Counters(s) : "no answer");
        Row(md, phases, "expected from the client's counts", p => Counters(p.Expected));
        Row(md, phases, "server log lines (WARNING and above) during the soak", p => p.Nodes.Sum(n => n.LogLines).ToString("N0", Invariant));
        Row(md, phases, "server CPU, seconds (all nodes)", p => Num(p.Nodes.Sum(n => n.Cpu.TotalSeconds), "0"));
        md.AppendLine();
    }

    private static void Memory(StringBuilder md, SoakOptions options, IReadOnlyList<SoakPhase> phases)
    {
        md.AppendLine("| RSS, MB | start | after warm-up | peak | end | slope after warm-up, MB/min | end vs after warm-up | after the drain | flat |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
        {
            foreach (var node in phase.Nodes)
            {
                var m = node.Memory;
                md.AppendLine($"| {phase.Name}: {node.Name} | {Num(m.StartMb, "0.0")} | {Num(m.SettledMb, "0.0")} | {Num(m.PeakMb, "0.0")} "
                    + $"| {Num(m.EndMb, "0.0")} | {Num(m.SlopeMbPerMinute, "+0.000;-0.000")} | {Num(m.DriftPercent, "+0.0;-0.0")} % "
                    + $"| {Num(node.DrainedMb, "0.0")} | {(m.Flat(options.MaxSlopeMbPerMinute, options.MaxDriftPercent) ? "yes" : "**no**")} |");
            }
        }
        md.AppendLine();
    }

    /// <summary>RSS of each node at about ten points of the run, to show the curve.</summary>
    private static void Curve(StringBuilder md, SoakPhase phase)
    {
        var step = Math.Max(1, (int)Math.Round(phase.Duration.TotalMinutes / 10));
        var marks = Enumerable.Range(0, (int)(phase.Elapsed.TotalMinutes / step) + 1).Select(i => i * step).ToArray();
        md.AppendLine($"RSS (MB) during the load, {phase.Name}:").AppendLine();
        md.AppendLine("| minute | " + string.Join(" | ", marks) + " |");
        md.AppendLine("|---|" + string.Concat(marks.Select(_ => "---:|")));
        for (var node = 0; node < phase.Nodes.Count; node++)
        {
            var index = node;
            md.AppendLine($"| {phase.Nodes[node].Name} | " + string.Join(" | ", marks.Select(minute =>
                Num(phase.Samples.MinBy(s => Math.Abs(s.At.TotalMinutes - minute))!.ResidentBytes[index] / 1048576.0, "0"))) + " |");
        }
        md.AppendLine();
    }

    private static void Method(StringBuilder md, SoakOptions options)
    {
        md.AppendLine($"""
            Method: each worker runs one session's life after another until the time is up: `initialize` (+ `notifications/initialized`),
            5–30 `tools/call echo` (every answer checked: id, result, echoed text), then one of: DELETE (3 lives in 8); `logging/setLevel info`,
            a GET stream, the calls, DELETE (1 in 8); the same, but the client closes the stream and makes 3 more calls before DELETE (1 in 8);
            calls then abandon (1 in 8); stream and calls then abandon with the stream left open (1 in 8; up to 2,048 such streams watched at
            once); abandon right after `initialize` (1 in 8). Every echo on a streamed session must arrive as one `notifications/message` event (ids rising, no replay gap)
            within 10 s; after DELETE the stream must complete and a ping must answer 404; an abandoned session must answer 404
            {options.ExpiredAfter.TotalSeconds:0} s after its last request, and its open stream must have been completed by the server.
            In the cluster, session i is created on node i mod 3, its calls go round-robin to the three nodes, its GET stream to the
            next node and its DELETE to the third, so the stream is never served by the node that created the session (and, with
            entities placed by shard, is served by another node than the one hosting the session about two times in three). After
            the load, the run waits until every abandoned session has expired, then reads `/health`.
            """);
    }

    private static void Row(StringBuilder md, IReadOnlyList<SoakPhase> phases, string label, Func<SoakPhase, string> cell) =>
        md.AppendLine($"| {label} | " + string.Join(" | ", phases.Select(cell)) + " |");

    private static string Count(SoakPhase phase, SoakCount count) => phase.Counters[count].ToString("N0", Invariant);

    private static string Counters(Servers.SessionCounters c) =>
        string.Join(" / ", new[] { c.Active, c.Created, c.Expired, c.Ended, c.Rejected }.Select(v => v.ToString("N0", Invariant)));

    private static string Num(double value, string format) => ResultsReport.Num(value, format);
}
