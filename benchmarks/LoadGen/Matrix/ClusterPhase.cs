using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// Three AkkaMcpEcho processes as one cluster (the single-node servers stopped), 64 sessions whose echo calls go
/// round-robin to the three nodes; compared with the single-node run at 64 sessions of the same matrix run. Timed twice:
/// right after the usual warm-up, and again once tiered compilation has settled on every node (three processes on two
/// shared cores take far longer to get there than one).
/// </summary>
public static class ClusterPhase
{
    /// <summary>Settled: the nodes' JIT spent less than 1 % of one core compiling over a slice of load.</summary>
    public static readonly TimeSpan SettleSlice = TimeSpan.FromSeconds(5);
    public const double SettledJitShare = 0.01;
    public static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(90);

    public static async Task Run(MatrixOptions options, MatrixResults results, CancellationToken cancel)
    {
        await using var cluster = await ClusterNodes.Start(options.ServerDll, MatrixOptions.ClusterNodes, options.ServerEnvironment, cancel);
        var nodes = cluster.Targets;
        Console.WriteLine($"cluster of {nodes.Length} formed: " + string.Join(", ", nodes.Select(n => $"{n.Name} on {n.Endpoint} (pid {n.Pid})")));
        // The warm-up also allocates the shards, so their first placement is not timed.
        var warm = await ClusterThroughputRun.Run(nodes, MatrixOptions.ClusterSessions, options.Warmup, cancel);
        Console.WriteLine($"warm-up cluster: {warm.RequestsPerSecond:0} req/s, {warm.Errors.Count} errors");
        results.ClusterEarly = await Timed(nodes, options.Duration, "after the warm-up", results, cancel);
        results.ClusterSettling = await Settle(nodes, cancel);
        results.Cluster = await Timed(nodes, options.Duration, "JIT settled", results, cancel);
    }

    private static async Task<ClusterWindow> Timed(Target[] nodes, TimeSpan duration, string label, MatrixResults results, CancellationToken cancel)
    {
        var jitBefore = await JitTime.Read(nodes, cancel);
        var result = await ClusterThroughputRun.Run(nodes, MatrixOptions.ClusterSessions, duration, cancel);
        var window = new ClusterWindow(result, await JitTime.Read(nodes, cancel) - jitBefore);
        var single = results.Throughput.GetValueOrDefault((ServerLaunch.Ours, MatrixOptions.ClusterSessions));
        Console.WriteLine($"{nodes.Length}-node cluster, {label}, {result.Sessions} sessions round-robin: {result.RequestsPerSecond:0} req/s "
            + $"({ResultsReport.Ratio(result.RequestsPerSecond, single?.RequestsPerSecond)} of single node), "
            + $"p50 {result.Latency.P50:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
            + $"servers {result.ServerCpuMicrosPerRequest:0} us/req summed, JIT {window.JitSeconds:0.00} s, "
            + $"{result.Errors.Count} errors {MatrixRunner.Samples(result.Errors)}");
        return window;
    }

    /// <summary>Load in slices until a slice's JIT time is under the settled share; how long that took.</summary>
    private static async Task<TimeSpan> Settle(Target[] nodes, CancellationToken cancel)
    {
        var spent = TimeSpan.Zero;
        while (spent < SettleLimit)
        {
            var before = await JitTime.Read(nodes, cancel);
            await ClusterThroughputRun.Run(nodes, MatrixOptions.ClusterSessions, SettleSlice, cancel);
            spent += SettleSlice;
            var jit = await JitTime.Read(nodes, cancel) - before;
            Console.WriteLine($"settling cluster: {spent.TotalSeconds:0} s more, JIT {jit:0.000} s in the last {SettleSlice.TotalSeconds:0} s");
            if (jit < SettledJitShare * SettleSlice.TotalSeconds)
            {
                break;
            }
        }
        return spent;
    }
}

/// <summary>One timed cluster run and the seconds the nodes' JIT spent compiling during it, summed.</summary>
public sealed record ClusterWindow(ThroughputResult Result, double JitSeconds);
