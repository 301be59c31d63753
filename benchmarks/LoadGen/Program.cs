using System.Runtime.InteropServices;
using AkkaMcpEcho.Benchmarks.LoadGen;
using AkkaMcpEcho.Benchmarks.LoadGen.Matrix;
using AkkaMcpEcho.Benchmarks.LoadGen.Soak;
using AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

// Load generator for Streamable HTTP MCP servers. Modes:
//   matrix: start AkkaMcpEcho, the SDK peer (stateful and stateless) and bare Kestrel (then a 3-node AkkaMcpEcho cluster), run
//           every measurement, 2025 sessions and 2026-07-28 requests, write RESULTS.md
//   smoke:  a few seconds against AkkaMcpEcho only (2 sessions, 2 modern clients); exits 1 on any validation error
//   run:    S sessions against a server already listening on 127.0.0.1:<port>
//   churn:  create then delete M sessions on such a server
//   soak:   mixed load for minutes on one node, then on a 3-node cluster; RSS trend and final counts into RESULTS.md
//   traffic-memory: fill every session's traffic ring on 10,000 sessions, recording off then on; RSS against the bound into RESULTS.md
const string Usage = """
    usage:
      LoadGen matrix --server <AkkaMcpEcho.dll> --peer <SdkPeer.dll> --bare <BareKestrel.dll> --out <RESULTS.md>
                     [--duration 10] [--warmup 8] [--churn 2000] [--churn-rounds 5] [--idle 10000,100000,1000000] [--idle-budget 300]
                     [--fanout 64] [--phases throughput,churn,fanout,cluster,idle]
                     [--server-env NAME=VALUE,...] [--command <text>] [--commit <id>]
      LoadGen smoke  --server <AkkaMcpEcho.dll>
      LoadGen soak   --server <AkkaMcpEcho.dll> [--out benchmarks/RESULTS.md] [--minutes 30] [--cluster-minutes 15]
                     [--session-timeout 20] [--workers 16] [--sample 10] [--max-slope 0.5] [--max-drift 10] [--warmup-minutes M]
                     [--floor-window-minutes 3] [--command <text>] [--commit <id>]   (0 minutes skips that phase)
      LoadGen traffic-memory --server <AkkaMcpEcho.dll> --out <RESULTS.md> [--sessions 10000] [--calls 8] [--more-calls 6] [--more-steps 2]
                     [--message-bytes 8000,12000,17000,16000] [--connections 32] [--samples 20] [--max-growth 10]
                     [--session-exchanges 50] [--session-bytes 65536] [--node-exchanges 2000] [--node-bytes 16777216]
                     [--body-bytes 16384] [--server-env NAME=VALUE,...] [--command <text>] [--commit <id>]
      LoadGen run    --port <port> [--sessions 16] [--duration 10] [--generation 2025|2026-07-28] [--pid <server pid>]
                     (2026-07-28: stateless echo calls, one client per session; with --pid the server's CPU per request too)
      LoadGen churn  --port <port> [--sessions 2000]
      LoadGen hold   --port <port> [--sessions 10000]   (creates sessions and leaves them idle, for heap inspection)
    """;
try
{
    var cli = new Cli(args, "server", "peer", "bare", "out", "duration", "warmup", "churn", "churn-rounds", "idle", "idle-budget", "fanout",
        "command", "commit", "phases", "server-env", "port", "sessions", "minutes", "cluster-minutes", "session-timeout", "workers",
        "sample", "max-slope", "max-drift", "warmup-minutes", "floor-window-minutes", "calls", "more-calls", "more-steps", "message-bytes",
        "connections", "samples", "max-growth", "session-exchanges", "session-bytes", "node-exchanges", "node-bytes", "body-bytes",
        "generation", "pid");
    var soak = cli.Mode == "soak" ? SoakOptions.From(cli) : null;
    var traffic = cli.Mode == "traffic-memory" ? TrafficOptions.From(cli) : null;
    // Every mode stops by itself: the matrix within 30 minutes, the soak 15 minutes after its load, traffic-memory within
    // 20, the others within 3.
    var limit = soak is not null ? soak.SingleDuration + soak.ClusterDuration + TimeSpan.FromMinutes(15)
        : traffic is not null ? TrafficOptions.Limit
        : TimeSpan.FromMinutes(cli.Mode == "matrix" ? 30 : 3);
    using var stop = new CancellationTokenSource(limit);
    // Ctrl-C, SIGTERM and SIGHUP cancel the run, so the servers it started are stopped on the way out.
    void Cancel(PosixSignalContext signal)
    {
        signal.Cancel = true;
        stop.Cancel();
    }
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
    return cli.Mode switch
    {
        "matrix" => await MatrixRunner.Run(MatrixOptions.From(cli), stop.Token),
        "smoke" => await SmokeRunner.Run(cli.Required("server"), stop.Token),
        "soak" => await SoakRunner.Run(soak!, stop.Token),
        "traffic-memory" => await TrafficMemoryRun.Run(traffic!, stop.Token),
        "run" => await SingleRun.Run(cli.Number("port", 3000), cli.Number("sessions", 16), cli.Seconds("duration", 10),
            cli.Text("generation") ?? "2025", cli.Text("pid") is null ? null : cli.Number("pid", 0), stop.Token),
        "churn" => await SingleRun.Churn(cli.Number("port", 3000), cli.Number("sessions", 2000), stop.Token),
        "hold" => await SingleRun.Hold(cli.Number("port", 3000), cli.Number("sessions", 10_000), stop.Token),
        _ => Help(),
    };
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled (a signal, or the mode's time limit); every server this run started has been stopped");
    return 130;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return Help();
}

static int Help()
{
    Console.Error.WriteLine(Usage);
    return 2;
}
