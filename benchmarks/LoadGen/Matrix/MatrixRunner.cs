using System.Globalization;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// The whole matrix in one run. Throughput runs are interleaved across the three servers (all three running), so that
/// drift in the machine's load touches each alike; idle-memory runs use a fresh process per server, one at a time.
/// </summary>
public static class MatrixRunner
{
    public static async Task<int> Run(MatrixOptions options, CancellationToken cancel)
    {
        if (Mcp.ValidatorSelfTest.Failures() is { Count: > 0 } failures)
        {
            failures.ForEach(Console.Error.WriteLine);
            return 1;
        }
        var results = new MatrixResults();
        results.Versions["AkkaMcpEcho"] = MachineInfo.Version(options.ServerDll, "AkkaMcpEcho.dll");
        results.Versions["Akka.NET"] = MachineInfo.Version(options.ServerDll, "Akka.dll");
        results.Versions["ModelContextProtocol.AspNetCore"] = MachineInfo.Version(options.PeerDll, "ModelContextProtocol.AspNetCore.dll");
        results.Versions[".NET runtime"] = Environment.Version.ToString();

        if (options.Runs("throughput") || options.Runs("churn") || options.Runs("fanout"))
        {
            await LoadPhases(options, results, cancel);
        }
        if (options.Runs("cluster"))
        {
            await ClusterPhase.Run(options, results, cancel);
        }

        // The peer holds its idle sessions up to MatrixOptions.PeerIdleMax only (at 12.9 KB each, a million would need 13 GB).
        var idleSteps = options.Runs("idle") ? options.IdleSteps : [];
        int[] peerSteps = [.. idleSteps.Where(step => step <= MatrixOptions.PeerIdleMax)];
        foreach (var (name, steps, quiet, start) in new (string, int[], TimeSpan, Func<Task<ServerProcess>>)[]
        {
            (ServerLaunch.Ours, idleSteps, MatrixOptions.IdleQuiet, () => ServerLaunch.StartOurs(options.ServerDll,
                maxSessions: Math.Max(200_000, idleSteps.DefaultIfEmpty().Max() + 1_000),
                environment: MatrixOptions.IdleEnvironment(options.ServerEnvironment))),
            (ServerLaunch.Peer, peerSteps, MatrixOptions.IdleQuiet, () => ServerLaunch.StartPeer(options.PeerDll)),
        })
        {
            if (steps.Length == 0)
            {
                continue;
            }
            await using var server = await start();
            var idle = await IdleMemoryRun.Run(server.Target, steps, options.IdleBudget, quiet, cancel);
            results.Idle[name] = idle;
            Console.WriteLine($"{name}: probes {idle.Probed - idle.ProbeFailures}/{idle.Probed} answered, max {idle.ProbeMaxMs:0.0} ms, "
                + $"{idle.Errors.Count} errors {Samples(idle.Errors)}");
        }

        var previous = File.Exists(options.OutFile) ? await File.ReadAllTextAsync(options.OutFile, cancel) : null;
        var report = ResultsReport.Render(options, results, previous);
        await File.WriteAllTextAsync(options.OutFile, report, cancel);
        Console.WriteLine($"wrote {options.OutFile}; {results.TotalErrors} validation errors in all");
        return results.TotalErrors == 0 ? 0 : 1;
    }

    private static async Task LoadPhases(MatrixOptions options, MatrixResults results, CancellationToken cancel)
    {
        var throughput = options.Runs("throughput");
        await using var ours = await ServerLaunch.StartOurs(options.ServerDll, environment: options.ServerEnvironment);
        var switchedOff = new List<ServerProcess>();
        await using var stopSwitched = new StopAll(switchedOff);
        foreach (var feature in throughput ? FeatureSwitch.All : [])
        {
            switchedOff.Add(await feature.Start(options.ServerDll, options.ServerEnvironment));
        }
        await using (var peer = await ServerLaunch.StartPeer(options.PeerDll))
        await using (var statelessPeer = await ServerLaunch.StartPeer(options.PeerDll, stateless: true))
        await using (var bare = await ServerLaunch.StartBare(options.BareDll))
        {
            Target[] targets = [ours.Target, peer.Target, bare.Target];
            var modern = throughput ? ModernRows.Plan(ours.Target, statelessPeer.Target, bare.Target) : [];
            // The builds with a feature off run at 64 sessions only: right after AkkaMcpEcho, and again in reverse order at the
            // end of that round followed by AkkaMcpEcho once more (on, offs, …, offs reversed, on), so that drift in the
            // machine's load touches both sides alike.
            Target[] offs = [.. switchedOff.Select(server => server.Target)];
            Target[] loaded = [ours.Target, .. offs, peer.Target, bare.Target];
            foreach (var target in loaded)
            {
                // Warms both paths (echo calls; session create and delete) so tiered JIT is done before anything is timed.
                var warm = await ThroughputRun.Run(target, 64, options.Warmup, cancel);
                var warmChurn = await SessionChurnRun.Run(target, 2000, 16, cancel);
                Console.WriteLine($"warm-up {target.Name}: {warm.RequestsPerSecond:0} req/s, {warmChurn.CreatedPerSecond:0} sessions/s, "
                    + $"{warm.Errors.Count + warmChurn.Errors.Count} errors");
            }
            await ModernRows.Warm(modern, options.Warmup, cancel);
            foreach (var sessions in throughput ? MatrixOptions.ThroughputSessions : [])
            {
                var compared = offs.Length > 0 && sessions == MatrixOptions.SwitchSessions;
                Target[] order = compared ? [.. loaded, .. offs.Reverse(), ours.Target] : targets;
                foreach (var target in order)
                {
                    var result = await ThroughputRun.Run(target, sessions, options.Duration, cancel);
                    results.AddThroughput(target.Name, sessions, result);
                    Console.WriteLine($"{target.Name}, {sessions} sessions: {result.RequestsPerSecond:0} req/s, "
                        + $"p50 {result.Latency.P50:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
                        + $"server {result.ServerCpuMicrosPerRequest:0} us/req, {result.Errors.Count} errors {Samples(result.Errors)}");
                }
                await ModernRows.Measure(modern, sessions, options.Duration, results, cancel);
            }
            if (throughput && options.Runs("churn"))
            {
                // Beside memory in the same run: AkkaMcpEcho on each durable store, one server at a time.
                await SessionStoreRow.Measure(options, results, cancel);
            }
            foreach (var verdict in throughput ? SwitchRows.Verdicts(results) : [])
            {
                Console.WriteLine(verdict);
            }
            var churns = options.Runs("churn")
                ? await SessionChurnRun.Interleaved(targets, options.ChurnRounds, options.ChurnSessions, 16, cancel)
                : [];
            foreach (var (name, churn) in churns)
            {
                results.Churn[name] = churn;
                Console.WriteLine($"{name}: {churn.CreatedPerSecond:0} sessions created/s (rounds: "
                    + $"{string.Join(", ", churn.CreatedRates.Select(rate => rate.ToString("0", CultureInfo.InvariantCulture)))}), "
                    + $"server {churn.ServerCpuMicrosPerSession:0} us/session, {churn.DeletedPerSecond:0} deleted/s, "
                    + $"{churn.Errors.Count} errors {Samples(churn.Errors)}");
            }
            if (options.FanOutStreams > 0 && options.Runs("fanout"))
            {
                results.FanOut = await FanOutRun.Run(ours.Target, options.FanOutStreams, options.Duration, cancel);
                Console.WriteLine($"SSE fan-out, {options.FanOutStreams} streams: {results.FanOut.EventsPerSecond:0} events/s for "
                    + $"{results.FanOut.CallsPerSecond:0} calls/s, {results.FanOut.Errors.Count} errors {Samples(results.FanOut.Errors)}");
            }
        }
    }

    /// <summary>Stops every server of a list that is filled as they start.</summary>
    private sealed class StopAll(List<ServerProcess> servers) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    internal static string Samples(ErrorLog errors) =>
        errors.Count == 0 ? "" : "(" + string.Join(" | ", errors.Samples) + ")";
}
