using System.Collections.Immutable;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>How a node without seed addresses finds the others.</summary>
public enum DiscoveryMethod
{
    /// <summary>No discovery: the node joins the seed nodes, or forms a cluster of its own.</summary>
    None,

    /// <summary>A fixed list of management endpoints (host:port), e.g. nodes on one machine.</summary>
    Config,

    /// <summary>The Kubernetes API: the running pods that match a label selector.</summary>
    Kubernetes,
}

/// <summary>
/// Cluster bootstrap over Akka.Management: each node serves its management endpoint on <paramref name="ManagementPort"/>,
/// discovers the others' endpoints through <paramref name="Method"/>, asks them for their cluster, and joins it; when none
/// has one yet, the node with the lowest endpoint forms it once <paramref name="RequiredContactPoints"/> have answered.
/// </summary>
/// <param name="ConfigEndpoints">The management endpoints (host:port) of every node, for <see cref="DiscoveryMethod.Config"/>.</param>
/// <param name="PodLabelSelector">The pods that are nodes, for <see cref="DiscoveryMethod.Kubernetes"/>.</param>
public sealed record ClusterDiscovery(
    DiscoveryMethod Method,
    int ManagementPort,
    ImmutableArray<string> ConfigEndpoints,
    string PodLabelSelector,
    int RequiredContactPoints)
{
    /// <summary>The name nodes look each other up by, and the name of the pods' management container port.</summary>
    public const string ServiceName = "akka-mcp-echo";
    public const string PortName = "management";
    public const int DefaultManagementPort = 8558;
    public const string DefaultPodLabelSelector = "app.kubernetes.io/name=akka-mcp-echo";
    public const int DefaultRequiredContactPoints = 2;

    public static ClusterDiscovery Off { get; } =
        new(DiscoveryMethod.None, DefaultManagementPort, [], DefaultPodLabelSelector, DefaultRequiredContactPoints);
}
