using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>
/// The soak: mixed load on one AkkaMcpEcho process, then on a three-node cluster; RSS sampled; at the end every abandoned
/// session must have expired and /health must agree with the client's counts. Writes its block of RESULTS.md and exits
/// non-zero on any error, a node whose memory is not flat, or counts that do not add up.
/// </summary>
public static class SoakRunner
{
    /// <summary>How long a phase's nodes may take to create sessions once they answer /health (the cluster: once formed).</summary>
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(60);

    public static async Task<int> Run(SoakOptions options, CancellationToken cancel)
    {
        if (Mcp.ValidatorSelfTest.Failures().Concat(MemoryTrendSelfTest.Failures()).ToList() is { Count: > 0 } selfTest)
        {
            selfTest.ForEach(Console.Error.WriteLine);
            return 1;
        }
        var started = DateTimeOffset.UtcNow;
        var loadAtStart = Matrix.MachineInfo.LoadAverage();
        var phases = new List<SoakPhase>();
        var failures = new List<string>();
        if (options.SingleDuration > TimeSpan.Zero)
        {
            await using var server = await ServerLaunch.StartOurs(options.ServerDll, environment: options.ServerEnvironment);
            phases.Add(await Drive("1 node", [server], options.SingleDuration, options, cancel));
        }
        if (options.ClusterDuration > TimeSpan.Zero)
        {
            var name = $"{SoakOptions.ClusterNodes} nodes";
            try
            {
                await using var cluster = await ClusterNodes.Start(options.ServerDll, SoakOptions.ClusterNodes, options.ServerEnvironment, cancel);
                phases.Add(await Drive(name, cluster.Processes, options.ClusterDuration, options, cancel));
            }
            catch (TimeoutException e)
            {
                // A cluster that does not form or create sessions in time fails the soak, the other phase's results kept.
                Console.Error.WriteLine($"{name}: {e.Message}");
                failures.Add($"{name}: no load run: {e.Message}");
            }
        }
        failures.InsertRange(0, phases.SelectMany(phase => phase.Failures(options).Select(failure => $"{phase.Name}: {failure}")));
        var report = SoakReport.Render(options, started, loadAtStart, phases, failures);
        var existing = File.Exists(options.OutFile) ? await File.ReadAllTextAsync(options.OutFile, cancel) : null;
        await File.WriteAllTextAsync(options.OutFile, MarkedSection.Soak.Put(existing, report), cancel);
        Console.WriteLine($"wrote the soak section of {options.OutFile}");
        failures.ForEach(failure => Console.WriteLine("  FAILED: " + failure));
        Console.WriteLine(failures.Count == 0 ? "soak: ok" : "soak: FAILED");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task<SoakPhase> Drive(string name, IReadOnlyList<ServerProcess> servers, TimeSpan duration, SoakOptions options,
        CancellationToken cancel)
    {
        var nodes = servers.Select(server => server.Target).ToArray();
        var pids = nodes.Select(node => node.Pid ?? throw new InvalidOperationException($"{node.Name}: no process id")).ToArray();
        Console.WriteLine($"soak, {name}: {duration.TotalMinutes:0.#} min, {options.Workers} workers, session timeout "
            + $"{options.SessionTimeout.TotalSeconds:0} s; " + string.Join(", ", nodes.Select(n => $"{n.Name} on {n.Endpoint} (pid {n.Pid})")));
        var ready = await SessionReadiness.Wait(nodes, ReadyWithin, cancel);
        Console.WriteLine($"  sessions created on every node after {ready.Took.TotalSeconds:0.0} s, {ready.Probes} initialize probes "
            + $"({ready.Refusals.Count} refused); /health then: {SoakPhase.Format(ready.Before)}");
        var counters = new SoakCounters();
        var errors = new ErrorLog();
        var logBefore = servers.Select(server => server.OutputLines).ToArray();
        var cpu = new CpuMeter[pids.Length];
        for (var i = 0; i < pids.Length; i++)
        {
            cpu[i] = new CpuMeter(pids[i]);
            cpu[i].Start();
        }
        var expiry = new ExpiryChecks(nodes, options, counters, errors);
        var checking = expiry.Run(cancel);
        var sampler = new SoakSampler(nodes, options.SampleInterval, () => Progress(counters, errors));
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var sampling = sampler.Run(stopSampling.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await new SoakLoad(nodes, counters, errors, expiry).Run(options.Workers, duration, cancel);
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampling;
            expiry.Complete();
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"  load over after {elapsed.TotalMinutes:0.0} min; waiting for the abandoned sessions to expire");
        await checking;
        var warmUp = options.WarmUp(duration);
        var phase = new SoakPhase(name, duration, warmUp, elapsed, ready, counters, errors, [], sampler.Samples, null);
        var final = await SettledHealth(nodes[0], phase.Expected, options, cancel);
        var results = servers.Select((server, i) => new SoakNode(server.Target.Name, pids[i],
            MemoryTrend.From(sampler.Of(i), warmUp, options.FloorWindow),
            ProcStats.ResidentBytes(pids[i]) / 1048576.0, server.OutputLines - logBefore[i], server.RecentOutput, cpu[i].Stop().Server)).ToList();
        phase = phase with { Nodes = results, Final = final };
        Console.WriteLine($"  {name}: {Progress(counters, errors)}; final /health: {(final is null ? "none" : SoakPhase.Format(final.Sessions))}");
        foreach (var node in results.Where(n => n.LogLines > 0))
        {
            Console.WriteLine($"  {node.Name} wrote {node.LogLines} log lines during the soak; the last ones:");
            node.RecentLog.TakeLast(10).ToList().ForEach(line => Console.WriteLine("    " + line));
        }
        return phase;
    }

    /// <summary>/health once it shows what the client expects (cluster counters travel by gossip), or after a bounded wait.</summary>
    private static async Task<HealthCounts?> SettledHealth(Target node, SessionCounters expected, SoakOptions options, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        HealthCounts? health = null;
        while (Stopwatch.GetElapsedTime(started) < options.ExpiredAfter + TimeSpan.FromSeconds(30))
        {
            health = await HealthCounts.Read(node, cancel);
            if (health?.Sessions == expected)
            {
                break;
            }
            await Task.Delay(1000, cancel);
        }
        return health;
    }

    private static string Progress(SoakCounters c, ErrorLog errors) =>
        $"{c[SoakCount.Created]} sessions created, {c[SoakCount.EchoCalls]} echo calls, {c[SoakCount.Deleted]} deleted, "
        + $"{c[SoakCount.Abandoned]} abandoned, {c[SoakCount.StreamsOpened]} streams, {c[SoakCount.StreamEvents]} events, {errors.Count} errors"
        + (errors.Count == 0 ? "" : " (" + string.Join(" | ", errors.Samples) + ")");
}
