using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// Several nodes in this process forming one cluster on 127.0.0.1. Ready when every node sees every member Up and the
/// sharding coordinator reports a session region on every node.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(40);

    private TestCluster(IReadOnlyList<ClusterNode> nodes) => Nodes = nodes;

    public IReadOnlyList<ClusterNode> Nodes { get; }

    public static Task<TestCluster> Start(int size, IDictionary<string, string?>? settings = null) =>
        Form(size, async nodes =>
        {
            nodes.Add(await ClusterNode.Start(null, settings));
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, size - 1).Select(_ => ClusterNode.Start(nodes[0].Address, settings))));
        });

    /// <summary>
    /// <paramref name="size"/> nodes in this process that join the cluster of the node at <paramref name="seed"/> (one in
    /// another process), ready when every node here sees <paramref name="members"/> members Up.
    /// </summary>
    public static Task<TestCluster> Join(string seed, int size, int members) =>
        Form(members, async nodes =>
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(0, size).Select(_ => ClusterNode.Start(Address.Parse(seed))))));

    /// <summary>
    /// <paramref name="size"/> nodes in this process, started at once with no seed nodes, that find each other through
    /// config discovery of their management endpoints (<paramref name="managementPorts"/> on 127.0.0.1, one per node).
    /// </summary>
    public static Task<TestCluster> Discover(IReadOnlyList<int> managementPorts, IDictionary<string, string?>? settings = null) =>
        Form(managementPorts.Count, async nodes =>
        {
            var endpoints = string.Join(",", managementPorts.Select(port => $"127.0.0.1:{port}"));
            nodes.AddRange(await Task.WhenAll(managementPorts.Select(port => ClusterNode.Start(null, EchoServerHost.Overlay(
                new Dictionary<string, string?>
                {
                    ["AKKA_CLUSTER_DISCOVERY"] = "config",
                    ["AKKA_DISCOVERY_CONFIG_ENDPOINTS"] = endpoints,
                    ["AKKA_DISCOVERY_REQUIRED_CONTACT_POINTS"] = managementPorts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["AKKA_MANAGEMENT_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, settings)))));
        });

    private static async Task<TestCluster> Form(int members, Func<List<ClusterNode>, Task> start)
    {
        var nodes = new List<ClusterNode>();
        try
        {
            await start(nodes);
            var cluster = new TestCluster(nodes);
            await cluster.WaitUntilReady(members);
            return cluster;
        }
        catch
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>Every running node sees <paramref name="members"/> members Up, and sharding knows that many regions.</summary>
    public async Task WaitUntilReady(int members)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        var running = Nodes.Where(n => !n.System.WhenTerminated.IsCompleted).ToList();
        foreach (var node in running)
        {
            var cluster = Akka.Cluster.Cluster.Get(node.System);
            await Eventually.Until(() => Task.FromResult(
                cluster.State.Members.Count(m => m.Status == MemberStatus.Up) == members && cluster.State.Unreachable.Count == 0),
                deadline, $"{node.Address} to see {members} members Up");
        }
        await Eventually.Until(async () =>
        {
            var stats = await running[0].Region.Ask<ClusterShardingStats>(
                new GetClusterShardingStats(TimeSpan.FromSeconds(3)), TimeSpan.FromSeconds(5));
            return stats.Regions.Count == members;
        }, deadline, $"sharding to report {members} regions");
    }

    /// <summary>The node whose shard region hosts the session's entity now.</summary>
    public async Task<ClusterNode> HostOf(string sessionId)
    {
        foreach (var node in Nodes.Where(n => !n.System.WhenTerminated.IsCompleted))
        {
            if ((await node.HostedSessions()).Contains(sessionId))
            {
                return node;
            }
        }
        throw new InvalidOperationException($"No node hosts session {sessionId}");
    }

    public async ValueTask DisposeAsync()
    {
        // Reverse order: the first node (the oldest, sharding's coordinator) goes last, so the others leave quickly.
        foreach (var node in Nodes.Reverse())
        {
            await node.DisposeAsync();
        }
    }
}
