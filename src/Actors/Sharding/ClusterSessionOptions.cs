using System.Collections.Immutable;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// How a node joins the cluster and serves sessions as sharded entities.
/// </summary>
/// <param name="Hostname">Address remoting binds to (e.g. 127.0.0.1, 0.0.0.0).</param>
/// <param name="Port">Remoting port; 0 picks a free one (then it cannot be a seed for others known in advance).</param>
/// <param name="PublicHostname">Address other nodes reach this one at, when it differs from <paramref name="Hostname"/> (containers).</param>
/// <param name="Seeds">Seed node addresses (akka.tcp://akka-mcp-echo@host:port); empty: the node forms a cluster by itself.</param>
/// <param name="AskTimeout">How long HTTP waits for an actor's answer (MCP_ASK_TIMEOUT).</param>
public sealed record ClusterSessionOptions(
    string Hostname,
    int Port,
    string? PublicHostname,
    ImmutableArray<string> Seeds,
    TimeSpan AskTimeout)
{
    /// <summary>
    /// A request for a session on another node that gets no answer within this time is answered "session not found" when
    /// a member was lost meanwhile (its session most likely lived there); well below <see cref="AskTimeout"/>.
    /// </summary>
    public TimeSpan UnreachableAnswerAfter => AskTimeout * 0.6;

    /// <summary>How the node finds the others when <see cref="Seeds"/> is empty; off: it forms a cluster of its own.</summary>
    public ClusterDiscovery Discovery { get; init; } = ClusterDiscovery.Off;

    /// <summary>Number of shards: about ten per node of the largest cluster foreseen.</summary>
    public int Shards { get; init; } = 100;

    /// <summary>How often each node tells the others its session counters.</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
