using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Servers;

/// <summary>
/// An AkkaMcpEcho cluster of N processes on 127.0.0.1, every node listing every node as a seed. Started in parallel;
/// ready once every node's /health lists N members under <c>cluster.nodes</c>. Disposing kills every node.
/// </summary>
public sealed class ClusterNodes : IAsyncDisposable
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(90);
    private readonly ServerProcess[] _nodes;

    private ClusterNodes(ServerProcess[] nodes) => _nodes = nodes;

    public Target[] Targets => [.. _nodes.Select(node => node.Target)];

    public IReadOnlyList<ServerProcess> Processes => _nodes;

    public static async Task<ClusterNodes> Start(string dll, int count, IReadOnlyDictionary<string, string>? environment, CancellationToken cancel)
    {
        var remotePorts = Enumerable.Range(0, count).Select(_ => ServerProcess.FreePort()).ToArray();
        var seeds = string.Join(',', remotePorts.Select(port => $"akka.tcp://akka-mcp-echo@127.0.0.1:{port}"));
        var starts = remotePorts.Select((port, index) => ServerLaunch.StartClusterNode(dll, index + 1, port, seeds, environment)).ToArray();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            // WhenAll has waited for every start: the nodes that did start are stopped before the failure goes on.
            await Task.WhenAll(starts.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result.DisposeAsync().AsTask()));
            throw;
        }
        var cluster = new ClusterNodes([.. starts.Select(start => start.Result)]);
        try
        {
            await cluster.WaitForMembers(cancel);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    private async Task WaitForMembers(CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var seen = new int[_nodes.Length];
        while (Stopwatch.GetElapsedTime(started) < FormTimeout)
        {
            for (var i = 0; i < _nodes.Length; i++)
            {
                seen[i] = await Members(_nodes[i].Target, cancel);
            }
            if (seen.All(members => members == _nodes.Length))
            {
                return;
            }
            await Task.Delay(250, cancel);
        }
        throw new TimeoutException($"the cluster did not form within {FormTimeout.TotalSeconds:0} s: members seen by each node "
            + string.Join(", ", seen));
    }

    /// <summary>How many entries the node's /health lists under cluster.nodes; 0 when it does not answer.</summary>
    private static async Task<int> Members(Target node, CancellationToken cancel) =>
        (await HealthCounts.Read(node, cancel))?.Nodes.Count ?? 0;

    public async ValueTask DisposeAsync() => await Task.WhenAll(_nodes.Select(node => node.DisposeAsync().AsTask()));
}
