using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>One real server node (Kestrel + clustered actor system) in this process, on free 127.0.0.1 ports.</summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private ClusterNode(WebApplication app, Uri baseAddress)
    {
        _app = app;
        System = app.Services.GetRequiredService<ActorSystem>();
        Address = Akka.Cluster.Cluster.Get(System).SelfAddress;
        Mcp = new McpClient(new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) });
    }

    public ActorSystem System { get; }
    public Address Address { get; }
    public McpClient Mcp { get; }
    public IActorRef Region => ActorRegistry.For(System).Get<SessionRegion>();

    /// <param name="seed">The address of a running node to join; null: this node forms the cluster.</param>
    public static async Task<ClusterNode> Start(Address? seed, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["MCP_ECHO_HOST"] = "127.0.0.1",
            ["MCP_ECHO_PORT"] = "0",
            ["AKKA_CLUSTER_ENABLED"] = "true",
            ["AKKA_REMOTE_HOSTNAME"] = "127.0.0.1",
            ["AKKA_REMOTE_PORT"] = "0",
            ["AKKA_CLUSTER_SEEDS"] = seed?.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        var app = EchoServer.Build([], builder => builder.Configuration.AddInMemoryCollection(config));
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(startTimeout.Token);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new ClusterNode(app, new Uri(address));
    }

    /// <summary>The session ids of the entities this node hosts now.</summary>
    public async Task<IReadOnlySet<string>> HostedSessions()
    {
        var state = await Region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.SelectMany(shard => shard.EntityIds).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A graceful stop as on SIGTERM: HTTP stops, then CoordinatedShutdown leaves the cluster and hands shards off.</summary>
    public async Task Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Mcp.Dispose();
        await Stop();
        await _app.DisposeAsync();
    }
}
