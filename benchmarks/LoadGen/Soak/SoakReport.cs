using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Matrix;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;

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
        md.AppendLine($"- Flat means, on every node: after the warm-up ({options.WarmUpText}) the samples are cut into windows of "
            + $"{Num(options.FloorWindow.TotalMinutes, "0.#")} minutes (counted back from the end; a shorter remainder joins the first window) "
            + $"and each window's minimum RSS is its floor; at least {MemoryTrend.MinFloors} floors, their least-squares slope at most "
            + $"{Num(options.MaxSlopeMbPerMinute, "0.0##")} MB/min, and the last floor at most {Num(options.MaxDriftPercent, "0.#")} % above the "
            + "first. The floor, not every sample: the GC commits and gives back memory in steps of ~10 MB that come and go within minutes, "
            + "and one such step can alone make a slope over raw samples ~1 MB/min, while memory that is kept raises every later floor "
            + "(`benchmarks/SOAK-MEMORY.md`). The slope over every sample is shown too, not judged. The run fails on any "
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
        Row(md, phases, "before the load: `initialize` probes (refused) / seconds until every node created a session",
            p => $"{p.Ready.Probes} ({p.Ready.Refusals.Count}) / {Num(p.Ready.Took.TotalSeconds, "0.0")}");
        Row(md, phases, "`/health` after the probes (the base of the expected counts)", p => Counters(p.Ready.Before));
        Row(md, phases, "load, minutes (warm-up)", p => $"{Num(p.Elapsed.TotalMinutes, "0.0")} ({Num(p.WarmUp.TotalMinutes, "0.#")})");
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
        Row(md, phases, "expected: after the probes + the client's counts", p => Counters(p.Expected));
        Row(md, phases, "server log lines (WARNING and above) during the soak", p => p.Nodes.Sum(n => n.LogLines).ToString("N0", Invariant));
        Row(md, phases, "server CPU, seconds (all nodes)", p => Num(p.Nodes.Sum(n => n.Cpu.TotalSeconds), "0"));
        md.AppendLine();
    }

    private static void Memory(StringBuilder md, SoakOptions options, IReadOnlyList<SoakPhase> phases)
    {
        md.AppendLine("| RSS, MB | start | peak | floors after warm-up | first floor | last floor | **floor slope, MB/min** | **last vs first floor** "
            + "| slope of every sample, MB/min (not judged) | after the drain | flat |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var phase in phases)
        {
            foreach (var node in phase.Nodes)
            {
                var m = node.Memory;
                md.AppendLine($"| {phase.Name}: {node.Name} | {Num(m.StartMb, "0.0")} | {Num(m.PeakMb, "0.0")} | {m.Floors.Count} "
                    + $"| {Num(m.FirstFloorMb, "0.0")} | {Num(m.LastFloorMb, "0.0")} | {Num(m.FloorSlopeMbPerMinute, "+0.000;-0.000")} "
                    + $"| {Num(m.FloorDriftPercent, "+0.0;-0.0")} % | {Num(m.SampleSlopeMbPerMinute, "+0.000;-0.000")} | {Num(node.DrainedMb, "0.0")} "
                    + $"| {(m.Flat(options.MaxSlopeMbPerMinute, options.MaxDriftPercent) ? "yes" : "**no**")} |");
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
            entities placed by shard, is served by another node than the one hosting the session about two times in three). Before
            the load each node gets `initialize` probes until one answers 200 (its session deleted at once), since `/health` lists the
            members but not whether sharding places sessions yet; the `/health` counters then agreed by every node are the base the
            client's counts add to (a probe refused meanwhile may leave `total_created` one over). After the load, the run waits until
            every abandoned session has expired, then reads `/health`.
            """);
    }

    private static void Row(StringBuilder md, IReadOnlyList<SoakPhase> phases, string label, Func<SoakPhase, string> cell) =>
        md.AppendLine($"| {label} | " + string.Join(" | ", phases.Select(cell)) + " |");

    private static string Count(SoakPhase phase, SoakCount count) => phase.Counters[count].ToString("N0", Invariant);

    private static string Counters(Servers.SessionCounters c) =>
        string.Join(" / ", new[] { c.Active, c.Created, c.Expired, c.Ended, c.Rejected }.Select(v => v.ToString("N0", Invariant)));

    private static string Num(double value, string format) => ResultsReport.Num(value, format);
}
