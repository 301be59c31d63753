using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using static AkkaMcpEcho.Benchmarks.LoadGen.Servers.ServerLaunch;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// Renders RESULTS.md: machine, versions, command, the measurement table, the targets met or not; keeps the traffic-memory
/// and soak sections.
/// </summary>
public static class ResultsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="previous">The file being replaced, if any: its traffic-memory (benchmarks/run.sh --traffic-memory) and soak
    /// (benchmarks/soak.sh) sections are carried over.</param>
    public static string Render(MatrixOptions options, MatrixResults results, string? previous)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results").AppendLine();
        md.AppendLine("Written by the command below from one run; every figure in the tables comes from that run. The machine is shared,")
            .AppendLine("so absolute figures move from run to run: the ratios between servers measured in the same run are what count.")
            .AppendLine();
        Machine(md, options, results);
        Measurements(md, options, results);
        Targets.Render(md, options, results);
        Method(md, options);
        md.AppendLine().AppendLine("## Where a target is not met").AppendLine();
        md.AppendLine("`benchmarks/PROFILE.md` has the profiles (perf and live-heap measurements) that show what limits each one,")
            .AppendLine("and the changes proposed; `benchmarks/TRAFFIC.md` has those of the traffic recording's cost.");
        if (MarkedSection.Traffic.Find(previous) is { } traffic)
        {
            md.AppendLine().AppendLine(traffic);
        }
        if (MarkedSection.Soak.Find(previous) is { } soak)
        {
            md.AppendLine().AppendLine(soak);
        }
        return md.ToString();
    }

    private static void Machine(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        md.AppendLine("## Run").AppendLine();
        md.AppendLine($"- Command: `{options.Command}` (commit {options.Commit})");
        md.AppendLine($"- Started: {results.Started:yyyy-MM-dd HH:mm} UTC; finished: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine($"- Machine: {MachineInfo.Cpu()}, {Environment.ProcessorCount} cores (server and load generator share them), {MachineInfo.Memory()}");
        md.AppendLine($"- OS: {MachineInfo.Os()}; load average at start {results.LoadAtStart}, at end {MachineInfo.LoadAverage()}");
        if (options.ServerEnvironment.Count > 0)
        {
            md.AppendLine($"- {Ours} environment: " + string.Join(", ", options.ServerEnvironment.Select(e => $"`{e.Key}={e.Value}`")));
        }
        md.AppendLine("- Versions: " + string.Join(", ", results.Versions.Select(v => $"{v.Key} {v.Value}")));
        md.AppendLine();
    }

    private static void Measurements(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        md.AppendLine("## Measurements").AppendLine();
        ModernRows.Render(md, options, results);
        md.AppendLine("### 2025 sessions (legacy), and everything else").AppendLine();
        md.AppendLine($"| measurement | {Ours} | {Peer} | {Bare} (ceiling) | ours / peer | ours / ceiling |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var sessions in MatrixOptions.ThroughputSessions)
        {
            Row(md, $"req/s, {sessions} sessions, {options.Duration.TotalSeconds:0} s", results, r => r.Throughput.GetValueOrDefault((Ours, sessions))?.RequestsPerSecond,
                r => r.Throughput.GetValueOrDefault((Peer, sessions))?.RequestsPerSecond, r => r.Throughput.GetValueOrDefault((Bare, sessions))?.RequestsPerSecond, "0");
            foreach (var (label, pick) in new (string, Func<ThroughputResult, double>)[]
            {
                ("p50", t => t.Latency.P50), ("p90", t => t.Latency.P90), ("p99", t => t.Latency.P99), ("max", t => t.Latency.Max),
            })
            {
                Row(md, $"latency {label} ms, {sessions} sessions", results, r => Pick(r, Ours, sessions, pick),
                    r => Pick(r, Peer, sessions, pick), r => Pick(r, Bare, sessions, pick), "0.00");
            }
            Row(md, $"server CPU µs per request, {sessions} sessions", results, r => Pick(r, Ours, sessions, t => t.ServerCpuMicrosPerRequest),
                r => Pick(r, Peer, sessions, t => t.ServerCpuMicrosPerRequest), r => Pick(r, Bare, sessions, t => t.ServerCpuMicrosPerRequest), "0");
            Row(md, $"load generator CPU µs per request, {sessions} sessions", results, r => Pick(r, Ours, sessions, t => t.LoadGenCpuMicrosPerRequest),
                r => Pick(r, Peer, sessions, t => t.LoadGenCpuMicrosPerRequest), r => Pick(r, Bare, sessions, t => t.LoadGenCpuMicrosPerRequest), "0");
            Row(md, $"errors (of requests), {sessions} sessions", results, r => Pick(r, Ours, sessions, t => t.Errors.Count),
                r => Pick(r, Peer, sessions, t => t.Errors.Count), r => Pick(r, Bare, sessions, t => t.Errors.Count), "0", ratios: false);
        }
        SwitchRows.Render(md, options, results);
        SessionStoreRow.Render(md, results);
        ChurnRows(md, options, results);
        IdleRows(md, results);
        var fan = results.FanOut;
        md.AppendLine(fan is null ? "| SSE fan-out events/s | not measured in this run | | | | |"
            : $"| SSE fan-out: events/s delivered to {fan.Streams} open GET streams ({fan.CallsPerSecond:0} calls/s driving them) | {fan.EventsPerSecond:0} | not measured | | | |");
        ClusterRows(md, options, results);
        md.AppendLine();
    }

    private static void ChurnRows(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        var load = $"{options.ChurnRounds} rounds of {options.ChurnSessions}, 16 connections";
        ChurnRow(md, $"sessions created/s ({load}; all rounds)", results, c => c.CreatedPerSecond, "0");
        var rounds = new[] { Ours, Peer, Bare }.Select(name => results.Churn.GetValueOrDefault(name)?.CreatedRates is { } rates
            ? string.Join(", ", rates.Select(rate => rate.ToString("0", Invariant)))
            : "—");
        md.AppendLine($"| sessions created/s, each round | {string.Join(" | ", rounds)} | | |");
        ChurnRow(md, "server CPU µs per session created (initialize + notifications/initialized)", results, c => c.ServerCpuMicrosPerSession, "0");
        ChurnRow(md, "load generator CPU µs per session created", results, c => c.LoadGenCpuMicrosPerSession, "0");
        ChurnRow(md, $"sessions deleted/s ({load}; all rounds)", results, c => c.DeletedPerSecond, "0");
    }

    private static void ChurnRow(StringBuilder md, string label, MatrixResults results, Func<Runs.ChurnResult, double?> pick, string format) =>
        Row(md, label, results, r => r.Churn.GetValueOrDefault(Ours) is { } o ? pick(o) : null,
            r => r.Churn.GetValueOrDefault(Peer) is { } p ? pick(p) : null, r => r.Churn.GetValueOrDefault(Bare) is { } b ? pick(b) : null, format);

    private static void ClusterRows(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        var name = $"{MatrixOptions.ClusterNodes}-node cluster";
        if (results.Cluster is not { Result: var cluster } settled)
        {
            md.AppendLine($"| {name} req/s, requests round-robin across nodes | not measured in this run | | | | |");
            return;
        }
        var single = results.Throughput.GetValueOrDefault((Ours, cluster.Sessions));
        md.AppendLine($"| {name}: req/s, {cluster.Sessions} sessions, each call to the next node in turn, {options.Duration.TotalSeconds:0} s, "
            + $"JIT settled ({results.ClusterSettling.TotalSeconds:0} s of load after the first timed run) | {Num(cluster.RequestsPerSecond, "0")} | | | | |");
        md.AppendLine($"| {name} ÷ single node ({Num(single?.RequestsPerSecond, "0")} req/s above): req/s, the cost of the cross-node hop "
            + $"| {Ratio(cluster.RequestsPerSecond, single?.RequestsPerSecond)} | | | | |");
        md.AppendLine($"| {name}: latency p50 ms (single node: {Num(single?.Latency.P50, "0.00")}) | {Num(cluster.Latency.P50, "0.00")} | | | | |");
        md.AppendLine($"| {name}: latency p99 ms (single node: {Num(single?.Latency.P99, "0.00")}) | {Num(cluster.Latency.P99, "0.00")} | | | | |");
        md.AppendLine($"| {name}: server CPU µs per request, the {MatrixOptions.ClusterNodes} processes summed "
            + $"(single node: {Num(single?.ServerCpuMicrosPerRequest, "0")}) | {Num(cluster.ServerCpuMicrosPerRequest, "0")} | | | | |");
        md.AppendLine($"| {name}: JIT compiling, seconds summed over the nodes in the timed run | {settled.JitSeconds:0.00} | | | | |");
        md.AppendLine($"| {name}: errors (of requests) | {cluster.Errors.Count} (of {cluster.Requests}) | | | | |");
        if (results.ClusterEarly is { Result: var early } first)
        {
            md.AppendLine($"| {name}, right after the {options.Warmup.TotalSeconds:0} s warm-up: req/s (÷ single node) / p50 / p99 ms / server CPU µs "
                + $"per request summed / JIT s / errors | {Num(early.RequestsPerSecond, "0")} ({Ratio(early.RequestsPerSecond, single?.RequestsPerSecond)}) / "
                + $"{Num(early.Latency.P50, "0.00")} / {Num(early.Latency.P99, "0.00")} / {Num(early.ServerCpuMicrosPerRequest, "0")} / "
                + $"{first.JitSeconds:0.00} / {early.Errors.Count} (of {early.Requests}) | | | | |");
        }
    }

    private static void IdleRows(StringBuilder md, MatrixResults results)
    {
        var ours = results.Idle.GetValueOrDefault(Ours);
        var peer = results.Idle.GetValueOrDefault(Peer);
        if (ours is null && peer is null)
        {
            md.AppendLine("| memory per idle session | not measured in this run | | | | |");
            return;
        }
        md.AppendLine($"| RSS before idle sessions, MB | {Mb(ours?.BaselineBytes)} | {Mb(peer?.BaselineBytes)} | | | |");
        var steps = (ours?.Steps ?? []).Concat(peer?.Steps ?? []).Select(s => s.Requested).Distinct().Order();
        foreach (var step in steps)
        {
            var o = ours?.Steps.FirstOrDefault(s => s.Requested == step);
            var p = peer?.Steps.FirstOrDefault(s => s.Requested == step);
            md.AppendLine($"| {step:N0} idle sessions: held / created in s | {Held(o)} | {Held(p)} | | | |");
            md.AppendLine($"| {step:N0} idle sessions: RSS, MB | {Mb(o?.ResidentBytes)} | {Mb(p?.ResidentBytes)} | | {Ratio(o?.ResidentBytes, p?.ResidentBytes)} | |");
            md.AppendLine($"| {step:N0} idle sessions: RSS per session, KB | {Kb(o?.BytesPerSession)} | {Kb(p?.BytesPerSession)} | | {Ratio(o?.BytesPerSession, p?.BytesPerSession)} | |");
        }
        md.AppendLine($"| afterwards: echo probes answered (max ms) | {Probes(ours)} | {Probes(peer)} | | | |");
    }

    private static string Held(MemoryStep? step) =>
        step is null ? "—" : $"{step.Held:N0} / {step.CreateTime.TotalSeconds:0.0}";

    private static string Probes(IdleMemoryResult? idle) =>
        idle is null ? "—" : $"{idle.Probed - idle.ProbeFailures}/{idle.Probed} ({idle.ProbeMaxMs:0.0})";

    private static double? Pick(MatrixResults results, string server, int sessions, Func<ThroughputResult, double> pick) =>
        results.Throughput.TryGetValue((server, sessions), out var result) ? pick(result) : null;

    private static void Row(StringBuilder md, string label, MatrixResults results, Func<MatrixResults, double?> ours,
        Func<MatrixResults, double?> peer, Func<MatrixResults, double?> bare, string format, bool ratios = true)
    {
        var (o, p, b) = (ours(results), peer(results), bare(results));
        md.AppendLine($"| {label} | {Num(o, format)} | {Num(p, format)} | {Num(b, format)} | "
            + $"{(ratios ? Ratio(o, p) : "")} | {(ratios ? Ratio(o, b) : "")} |");
    }

    internal static string Num(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, Invariant) : "—";

    internal static string Ratio(double? a, double? b) =>
        a is { } x && b is { } y && y != 0 && !double.IsNaN(x) && !double.IsNaN(y) ? (x / y).ToString("0.00", Invariant) + "×" : "—";

    internal static string Mb(long? bytes) => bytes is { } b ? (b / 1048576.0).ToString("0.0", Invariant) : "—";

    internal static string Kb(long? bytes) => bytes is { } b ? (b / 1024.0).ToString("0.00", Invariant) : "—";

    private static void Method(StringBuilder md, MatrixOptions options)
    {
        md.AppendLine("## Method").AppendLine();
        md.AppendLine($"""
            - Every server runs as its own process (`dotnet <app>.dll`, Release build) on a free 127.0.0.1 port; the load goes to
              127.0.0.1 only and every run stops by itself. {Ours}: `--MCP_MAX_SESSIONS=200000 --ECHO_LOG_LEVEL=WARNING`, defaults
              otherwise: the traffic recording on, the telemetry on (metrics recorded for the Prometheus scrape, which is on when
              bound to loopback) with no export (no OTLP endpoint). {Peer}: ModelContextProtocol.AspNetCore, `SessionMode = Stateful`,
              one `echo` tool returning the message, `MaxIdleSessionCount = 200000` (its default of 10,000 would close idle
              sessions), logging providers cleared; {StatelessPeer}: the same build with `SessionMode = Stateless`.
              {Bare}: Kestrel and one handler that scans the body for id, method and message and writes a fixed-shape answer.
            - Throughput: S sessions, each initialized (initialize, then notifications/initialized, then `Mcp-Session-Id` and
              `MCP-Protocol-Version` on every request), each on its own keep-alive HTTP/1.1 connection, each keeping one
              `tools/call echo` in flight for {options.Duration.TotalSeconds:0} s. Every answer is checked (JSON or SSE: the id, a
              result, the echoed text at the start of the text content); a wrong answer counts as an error. The servers run
              side by side and the runs are interleaved (16 sessions on each, then 64 on each), after a warm-up on each
              ({options.Warmup.TotalSeconds:0} s at 64 sessions, then 2,000 sessions created and deleted) so tiered JIT has settled.
            - What the features on by default cost: beside them, one more {Ours} process per feature, with only that
              feature off ({string.Join(", ", FeatureSwitch.All.Select(f => $"`{f.Off}`"))}), warmed up the same way. The
              {MatrixOptions.SwitchSessions}-session round runs {Ours}, each of them, {Peer}, {Bare}, each of them again in reverse
              order, {Ours} again (the table's {Ours} column shows its first run), so that drift in the machine's load touches both
              sides alike; the means of req/s are compared against each feature's bound ({string.Join("; ", FeatureSwitch.All.Select(f => $"{f.Feature}: {SwitchRows.Bound(f)}"))}).
            - Server CPU per request: user + system time from `/proc/<pid>/stat` over the window, divided by the requests. The load
              generator (a raw-socket HTTP/1.1 client) runs on the same 2 cores; its own CPU is shown too.
            - Session creation: {options.ChurnSessions} sessions created (initialize + notifications/initialized) over 16 connections,
              timed, with the server's and the load generator's CPU; then all DELETEd, timed apart. {options.ChurnRounds} rounds, the
              servers taking turns within each round (one round alone lasts a fraction of a second, and rounds of one server
              differ by up to 2× on this machine); the figure is all rounds' sessions over all rounds' creation time.
            - Idle memory: a fresh server process ({Ours} with `MCP_SESSION_DORMANT_AFTER={MatrixOptions.IdleDormantAfterSeconds}`, so
              that sessions idle that long wait as plain state rather than as actors; the default is 60 s); 500 sessions created and
              deleted to warm up; RSS (`VmRSS`) read 3 s later, after a full GC induced from outside (as dotnet-gcdump does), as the
              baseline; then sessions created up to each step (budget {options.IdleBudget.TotalSeconds:0} s per server) and RSS read
              {MatrixOptions.IdleQuiet.TotalSeconds:0} s after each step, again after a full GC ({Peer}: the same, steps up to
              {MatrixOptions.PeerIdleMax:N0} only); per-session figure = (RSS − baseline) / sessions held.
              Then an echo on 50 sessions spread over all of them (the oldest and the newest included) must answer correctly.
            - SSE fan-out: {options.FanOutStreams} sessions at logging level `info`, each with its GET stream open on a second
              connection; each keeps one echo in flight, and each call publishes one `notifications/message` to its stream.
            - {MatrixOptions.ClusterNodes}-node cluster: after the servers above have stopped, {MatrixOptions.ClusterNodes} {Ours} processes with
              `AKKA_CLUSTER_ENABLED=true`, each its own HTTP and remoting port, all listing the same seeds; timed once every
              node's `/health` lists {MatrixOptions.ClusterNodes} members. {MatrixOptions.ClusterSessions} sessions, session i initialized on node
              i mod {MatrixOptions.ClusterNodes} and holding one connection per node; call k goes to node (i + k) mod {MatrixOptions.ClusterNodes}, one in
              flight per session, every answer checked as above. Most calls reach a node that does not host the session's
              sharded entity and cross to it over remoting. Warm-up {options.Warmup.TotalSeconds:0} s, then {options.Duration.TotalSeconds:0} s
              timed (the row "right after the warm-up"); then load in {ClusterPhase.SettleSlice.TotalSeconds:0} s slices until the nodes' JIT
              compiled for less than {ClusterPhase.SettledJitShare:0%} of one core in a slice (at most {ClusterPhase.SettleLimit.TotalSeconds:0} s;
              JIT time from each node's `dotnet_jit_compilation_time_seconds_total`), then {options.Duration.TotalSeconds:0} s timed again: the
              headline rows and the targets (three processes on two shared cores settle far later than one; the single-node rows come
              after at least {options.Warmup.TotalSeconds:0} s of load and a session churn). Server CPU is the sum over the {MatrixOptions.ClusterNodes} processes. The ratio is to the single-node run at
              {MatrixOptions.ClusterSessions} sessions of the same matrix run (which had the single-node servers side by side, idle).
            """);
        md.AppendLine(ModernRows.Method(options));
    }
}
