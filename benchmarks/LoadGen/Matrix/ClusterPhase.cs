using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// Three AkkaMcpEcho processes as one cluster (the single-node servers stopped), 64 sessions whose echo calls go
/// round-robin to the three nodes; compared with the single-node run at 64 sessions of the same matrix run.
/// </summary>
public static class ClusterPhase
{
    public static async Task Run(MatrixOptions options, MatrixResults results, CancellationToken cancel)
    {
        await using var cluster = await ClusterNodes.Start(options.ServerDll, MatrixOptions.ClusterNodes, options.ServerEnvironment, cancel);
        var nodes = cluster.Targets;
        Console.WriteLine($"cluster of {nodes.Length} formed: " + string.Join(", ", nodes.Select(n => $"{n.Name} on {n.Endpoint} (pid {n.Pid})")));
        // The warm-up also allocates the shards, so their first placement is not timed.
        var warm = await ClusterThroughputRun.Run(nodes, MatrixOptions.ClusterSessions, options.Warmup, cancel);
        Console.WriteLine($"warm-up cluster: {warm.RequestsPerSecond:0} req/s, {warm.Errors.Count} errors");
        var result = await ClusterThroughputRun.Run(nodes, MatrixOptions.ClusterSessions, options.Duration, cancel);
        results.Cluster = result;
        var single = results.Throughput.GetValueOrDefault((ServerLaunch.Ours, MatrixOptions.ClusterSessions));
        Console.WriteLine($"{nodes.Length}-node cluster, {result.Sessions} sessions round-robin: {result.RequestsPerSecond:0} req/s "
            + $"({ResultsReport.Ratio(result.RequestsPerSecond, single?.RequestsPerSecond)} of single node), "
            + $"p50 {result.Latency.P50:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
            + $"servers {result.ServerCpuMicrosPerRequest:0} us/req summed, {result.Errors.Count} errors {MatrixRunner.Samples(result.Errors)}");
    }
}
