using Akka.Hosting;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Hosting;

/// <summary>
/// Registry key of whatever routes session messages (the local registry now; a shard region in cluster mode),
/// so HTTP code never knows which mode runs.
/// </summary>
public sealed class SessionRouter;

/// <summary>Registry key of the actor that answers <c>GetRegistryStats</c>.</summary>
public sealed class SessionStats;

/// <summary>Registry key of this node's <see cref="Listening.ListenHub"/> (2026-07-28 subscriptions/listen streams).</summary>
public sealed class ListenHubKey;

/// <summary>Registry key of this node's <see cref="Traffic.TrafficLog"/> (the traffic page's recorded exchanges).</summary>
public sealed class TrafficLogKey;

/// <summary>Registry key of this node's <see cref="Faults.GlobalFaults"/> (the /faults API's rules).</summary>
public sealed class GlobalFaultsKey;

public static class SessionHosting
{
    /// <summary>Single-node mode: one <see cref="SessionRegistry"/> owns every session.</summary>
    /// <remarks>With a durable store, the project's serializer writes the stored sessions, as it does between nodes.</remarks>
    public static AkkaConfigurationBuilder WithLocalSessions(this AkkaConfigurationBuilder builder, ServerProfile profile) =>
        (profile.DurableSessions ? builder.WithEchoSerializer() : builder).WithActors((system, registry) =>
        {
            var sessions = system.ActorOf(SessionRegistry.Props(profile), "sessions");
            registry.Register<SessionRouter>(sessions);
            registry.Register<SessionStats>(sessions);
            registry.Register<ListenHubKey>(system.ActorOf(Listening.ListenHub.Props(null), "listen-hub"));
            registry.Register<TrafficLogKey>(system.ActorOf(Traffic.TrafficLog.Props(profile.NodeTraffic, sessions, null, () => []), Traffic.TrafficLog.Name));
        });

    /// <summary>The project's serializer for every <see cref="Messages.IEchoMessage"/>: wire messages and stored sessions.</summary>
    public static AkkaConfigurationBuilder WithEchoSerializer(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(Serialization.EchoMessageSerializer.Name, [typeof(Messages.IEchoMessage)],
            system => new Serialization.EchoMessageSerializer(system));

    /// <summary>
    /// This node's keeper of global fault rules, writing <paramref name="board"/>; in a cluster (<paramref name="clustered"/>)
    /// it hears every node's changes.
    /// </summary>
    public static AkkaConfigurationBuilder WithGlobalFaults(this AkkaConfigurationBuilder builder, Faults.FaultBoard board, bool clustered) =>
        builder.WithActors((system, registry) => registry.Register<GlobalFaultsKey>(system.ActorOf(Faults.GlobalFaults.Props(board,
            clustered ? Akka.Cluster.Tools.PublishSubscribe.DistributedPubSub.Get(system).Mediator : null), "global-faults")));
}
