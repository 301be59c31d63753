using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Remote.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Serialization;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sharding;

public static class ClusteredSessionHosting
{
    /// <summary>
    /// Cluster mode: remoting, clustering (keep-majority split-brain resolver), the project's serializer for every
    /// <see cref="IEchoMessage"/>, sessions as sharded entities, and a <see cref="SessionNode"/> registered under the same
    /// keys as the local registry, so HTTP code is the same in both modes.
    /// </summary>
    /// <param name="clusterHocon">Sharding, split-brain and failure-detector settings (hocon/cluster.hocon).</param>
    public static AkkaConfigurationBuilder WithClusteredSessions(this AkkaConfigurationBuilder builder,
        ServerProfile profile, ClusterSessionOptions options, Config clusterHocon)
    {
        var frame = FrameSize(profile.MaxMessageBytes);
        builder
            .AddHocon(clusterHocon, HoconAddMode.Prepend)
            .WithRemoting(new RemoteOptions
            {
                HostName = options.Hostname,
                Port = options.Port,
                PublicHostName = options.PublicHostname,
                MaxFrameSize = frame,
                SendBufferSize = frame,
                ReceiveBufferSize = frame,
            })
            .WithClustering(new ClusterOptions
            {
                SeedNodes = [.. options.Seeds],
                SplitBrainResolver = new KeepMajorityOption(),
                // Sharding puts new shards on the members of the newest app version; the default is the entry
                // assembly's version, which differs between a test host and the server binary.
                AppVersion = ServerProfile.Version,
            })
            .WithEchoSerializer()
            .WithShardRegion<SessionRegion>(SessionRegion.TypeName,
                (system, registry) => id =>
                    SessionMailbox.For(system, SessionActor.Props(id, profile, Node(registry), Node(registry))),
                new SessionMessageExtractor(options.Shards),
                new ShardOptions
                {
                    StateStoreMode = StateStoreMode.DData,
                    RememberEntities = false,
                    // Expiry is the SessionActor's own ReceiveTimeout -> Passivate; the shard's idle timer would only
                    // see messages that come through the region.
                    ShouldPassivateIdleEntities = false,
                })
            .WithActors((system, registry) =>
            {
                var node = system.ActorOf(SessionNode.Props(profile, registry.Get<SessionRegion>(), options), SessionNode.Name);
                registry.Register<SessionRouter>(node);
                registry.Register<SessionStats>(node);
                var mediator = Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub.Get(system).Mediator;
                registry.Register<ListenHubKey>(system.ActorOf(Listening.ListenHub.Props(mediator), "listen-hub"));
                registry.Register<TrafficLogKey>(system.ActorOf(Traffic.TrafficLog.Props(profile.NodeTraffic, node, mediator, () => OtherMembers(system)),
                    Traffic.TrafficLog.Name));
            });
        if (options.Discovery.Method != DiscoveryMethod.None)
        {
            builder.WithClusterBootstrap(options);
        }
        else if (options.Seeds.IsEmpty)
        {
            builder.AddStartup(async (system, _) =>
            {
                var cluster = Cluster.Get(system);
                await cluster.JoinAsync(cluster.SelfAddress);
            });
        }
        return builder;
    }

    /// <summary>
    /// Remoting's frame limit must hold the largest message: a tool call carries a whole request body and its reply echoes
    /// it; a larger frame is dropped silently (the ask times out). The wire JSON keeps text UTF-8 but escapes characters
    /// outside the basic plane (12 bytes for 4), so a message grows at most threefold; plus room for the envelope.
    /// </summary>
    public static long FrameSize(int maxMessageBytes) => Math.Min(3L * maxMessageBytes + 256 * 1024, int.MaxValue);

    /// <summary>An entity created before the node actor exists (a message racing start-up) gets no counters.</summary>
    /// <summary>The members that are up, this node aside: the traffic logs a page's query gathers from.</summary>
    private static IEnumerable<Address> OtherMembers(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        return cluster.State.Members.Where(m => m.Status == MemberStatus.Up && m.Address != cluster.SelfAddress).Select(m => m.Address);
    }

    private static IActorRef Node(IActorRegistry registry) =>
        registry.TryGet<SessionStats>(out var node) ? node : ActorRefs.Nobody;
}
