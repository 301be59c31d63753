using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Sharding;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>One real server node (Kestrel + clustered actor system) in this process, on free 127.0.0.1 ports.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly EchoServerHost _host;

    private ClusterNode(EchoServerHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Address = Akka.Cluster.Cluster.Get(System).SelfAddress;
    }

    public ActorSystem System { get; }
    public Address Address { get; }
    public RawMcpClient Mcp => _host;
    public IActorRef Region => ActorRegistry.For(System).Get<SessionRegion>();

    /// <param name="seed">The address of a running node to join; null: this node forms the cluster.</param>
    public static async Task<ClusterNode> Start(Address? seed, IDictionary<string, string?>? settings = null)
    {
        var cluster = new Dictionary<string, string?>
        {
            ["AKKA_CLUSTER_ENABLED"] = "true",
            ["AKKA_REMOTE_HOSTNAME"] = "127.0.0.1",
            ["AKKA_REMOTE_PORT"] = "0",
            ["AKKA_CLUSTER_SEEDS"] = seed?.ToString(),
            // The server's own ask timeout: the tests hold calls to the bounds it sets.
            ["MCP_ASK_TIMEOUT"] = null,
        };
        return new ClusterNode(await EchoServerHost.Start(EchoServerHost.Overlay(cluster, settings)));
    }

    /// <summary>The session ids of the entities this node hosts now.</summary>
    public async Task<IReadOnlySet<string>> HostedSessions()
    {
        var state = await Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.SelectMany(shard => shard.EntityIds).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A graceful stop as on SIGTERM: HTTP stops, then CoordinatedShutdown leaves the cluster and hands shards off.</summary>
    public Task Stop() => _host.Stop();

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
