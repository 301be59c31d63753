using Akka.Discovery.Config.Hosting;
using Akka.Discovery.KubernetesApi;
using Akka.Hosting;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;

namespace AkkaMcpEcho.Actors.Sharding;

public static class ClusterBootstrapHosting
{
    /// <summary>
    /// Akka.Management's cluster bootstrap over the discovery method of <see cref="ClusterSessionOptions.Discovery"/>. The
    /// host starts without waiting for the cluster: readiness answers 503 until the node is an Up member.
    /// </summary>
    /// <remarks>
    /// Bootstrap asks every discovered node's contact point (GET /bootstrap/seed-nodes on its management port) for its
    /// cluster. Akka.Management's own HTTP server cannot serve that route here: it is built on Ceen.Httpd 0.9.9, and the
    /// 0.9.10 that restores in its place lacks a method it calls (it fails at start and terminates the actor system). So the
    /// server's Kestrel serves the route on the management port, and bootstrap is told that address as its own.
    /// </remarks>
    public static AkkaConfigurationBuilder WithClusterBootstrap(this AkkaConfigurationBuilder builder, ClusterSessionOptions options)
    {
        var discovery = options.Discovery;
        var bootstrap = new ClusterBootstrapOptions();
        bootstrap.ContactPointDiscovery.ServiceName = ClusterDiscovery.ServiceName;
        // A port name makes bootstrap keep every endpoint discovery returns; without it, several endpoints on one host
        // (nodes on one machine) are filtered down to those on the default management port.
        bootstrap.ContactPointDiscovery.PortName = ClusterDiscovery.PortName;
        bootstrap.ContactPointDiscovery.RequiredContactPointsNr = discovery.RequiredContactPoints;
        // Until it joins, a node asks every contact point for its cluster each second instead of Akka's 5 s: nodes join
        // within about a second of the first one forming the cluster (formation itself waits out the 5 s stable margin).
        bootstrap.ContactPoint.ProbeInterval = TimeSpan.FromSeconds(1);
        builder
            .WithClusterBootstrap(bootstrap, autoStart: false)
            .AddStartup(async (system, _) =>
            {
                var self = new Uri($"http://{options.PublicHostname ?? options.Hostname}:{discovery.ManagementPort}");
                var extension = ClusterBootstrap.Get(system);
                // Hands bootstrap its own contact point (the routes it returns are the ones Kestrel serves instead).
                extension.Routes(ManagementRouteProviderSettings.Create(self, readOnly: true));
                await extension.Start();
            });
        return discovery.Method switch
        {
            DiscoveryMethod.Config => builder.WithConfigDiscovery(new ConfigServiceDiscoveryOptions
            {
                Services = [new Service { Name = ClusterDiscovery.ServiceName, Endpoints = [.. discovery.ConfigEndpoints] }],
            }),
            DiscoveryMethod.Kubernetes => builder.WithKubernetesDiscovery(new KubernetesDiscoveryOptions
            {
                PodLabelSelector = discovery.PodLabelSelector,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(options), discovery.Method, "no discovery method to bootstrap with"),
        };
    }
}
