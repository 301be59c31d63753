using System.Collections.Immutable;

namespace AkkaMcpEcho.Messages.Registry;

/// <summary>
/// An initialize request: the registry picks a fresh id and starts the session, or refuses past the limit. Answered by
/// <see cref="Sessions.SessionCreation"/>.
/// </summary>
public sealed record CreateSession(string ProtocolVersion, Sessions.ClientInfo Client, Sessions.SessionKind Kind = Sessions.SessionKind.Session)
    : IEchoMessage;

public sealed record GetRegistryStats : IEchoMessage
{
    public static readonly GetRegistryStats Instance = new();
}

/// <summary>
/// Counters of one registry. Ended = closed by the client (DELETE); Expired = idle past the timeout (each expiry is a
/// cleanup; <paramref name="LastExpiredUtcTicks"/> is 0 until the first). <paramref name="FinishedLifetimeTicks"/>: the
/// summed lifetimes of all expired and ended sessions. In cluster mode the counters are the cluster's totals and
/// <see cref="Nodes"/> holds each member's share; in local mode <see cref="Nodes"/> is empty.
/// </summary>
public sealed record RegistryStats(
    int Active,
    long TotalCreated,
    long Expired,
    long Ended,
    long Rejected,
    long StartedUtcTicks,
    long LastExpiredUtcTicks = 0,
    long FinishedLifetimeTicks = 0) : IEchoMessage
{
    private readonly ImmutableArray<NodeCounts> _nodes = [];

    /// <summary>Each cluster member's counters, ordered by address; empty when there is no cluster.</summary>
    /// <remarks>Never default: the wire contract assigns default when the list is absent (a message from an older node).</remarks>
    public ImmutableArray<NodeCounts> Nodes
    {
        get => _nodes;
        init => _nodes = value.IsDefault ? [] : value;
    }
}

/// <summary>
/// One cluster member's share of <see cref="RegistryStats"/>: Active, Expired and Ended count the sessions it hosts,
/// TotalCreated the initialize requests it accepted.
/// </summary>
public sealed record NodeCounts(string Node, int Active, long TotalCreated, long Expired, long Ended);
