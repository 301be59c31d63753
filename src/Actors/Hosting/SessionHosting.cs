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

public static class SessionHosting
{
    /// <summary>Single-node mode: one <see cref="SessionRegistry"/> owns every session.</summary>
    public static AkkaConfigurationBuilder WithLocalSessions(this AkkaConfigurationBuilder builder, ServerProfile profile) =>
        builder.WithActors((system, registry) =>
        {
            var sessions = system.ActorOf(SessionRegistry.Props(profile), "sessions");
            registry.Register<SessionRouter>(sessions);
            registry.Register<SessionStats>(sessions);
            registry.Register<ListenHubKey>(system.ActorOf(Listening.ListenHub.Props(null), "listen-hub"));
            registry.Register<TrafficLogKey>(system.ActorOf(Traffic.TrafficLog.Props(profile.NodeTraffic, sessions, null, () => []), Traffic.TrafficLog.Name));
        });
}
