namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>
/// Throughput across the nodes of a cluster: each session is initialized on one node and its echo calls go round-robin
/// to all of them, so most calls cross from the node that takes the HTTP request to the node hosting the session.
/// Server CPU is the sum over every node's process.
/// </summary>
public static class ClusterThroughputRun
{
    public static async Task<ThroughputResult> Run(IReadOnlyList<Target> nodes, int sessions, TimeSpan duration, CancellationToken cancel)
    {
        await using var pool = await ClusterSessionPool.Open(nodes, sessions, cancel);
        var pids = nodes.Select(node => node.Pid ?? throw new InvalidOperationException($"{node.Name}: no process id")).ToArray();
        return await ThroughputRun.Drive(pool.Echoes(), pids, duration, cancel);
    }
}
