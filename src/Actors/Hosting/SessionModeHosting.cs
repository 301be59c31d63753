using Akka.Configuration;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Hosting;

public static class SessionModeHosting
{
    /// <summary>
    /// Local sessions, or sharded sessions in a cluster (<paramref name="cluster"/> set): the one switch between the
    /// two modes, which register the same keys (<see cref="SessionRouter"/>, <see cref="SessionStats"/>).
    /// </summary>
    /// <param name="clusterHocon">Sharding, split-brain and failure-detector settings, read only in cluster mode.</param>
    public static AkkaConfigurationBuilder WithSessions(this AkkaConfigurationBuilder akka, ServerProfile profile,
        ClusterSessionOptions? cluster, Func<Config> clusterHocon) =>
        cluster is not null
            ? akka.WithClusteredSessions(profile, cluster, clusterHocon())
            : akka.WithLocalSessions(profile);
}
