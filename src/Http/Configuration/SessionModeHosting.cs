using Akka.Hosting;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Sharding;

namespace AkkaMcpEcho.Http.Configuration;

public static class SessionModeHosting
{
    /// <summary>Local sessions, or sharded sessions in a cluster: the one switch between the two modes.</summary>
    public static AkkaConfigurationBuilder WithSessions(this AkkaConfigurationBuilder akka, ServerProfile profile,
        ClusterSettings cluster, Func<string, Akka.Configuration.Config> hocon) =>
        cluster.Enabled
            ? akka.WithClusteredSessions(profile, cluster.Options, hocon("cluster.hocon"))
            : akka.WithLocalSessions(profile);
}
