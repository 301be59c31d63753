using System.Collections.Immutable;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Messages.Cluster;

/// <summary>
/// One node's session counters, gossiped to the other nodes. Active, Expired and Ended count the session entities
/// the node hosts; TotalCreated and Rejected count the initialize requests the node accepted or refused.
/// </summary>
public sealed record NodeSessionStats(string Node, RegistryStats Stats) : IEchoMessage;

/// <summary>
/// A node is about to hand its shards off (sent before the hand-off, acknowledged by the same message): until it has
/// gone, the other nodes bound their wait for its sessions, since a message in flight during a hand-off may be dropped.
/// </summary>
public sealed record NodeLeaving(string Node) : IEchoMessage;

/// <summary>Asks a node for the per-node counters it knows and the cluster totals. Answered by <see cref="ClusterSessionStats"/>.</summary>
public sealed record GetClusterStats : IEchoMessage
{
    public static readonly GetClusterStats Instance = new();
}

/// <param name="Self">The answering node's address.</param>
/// <param name="Nodes">The latest counters of every member the answering node knows, itself included, ordered by address.</param>
/// <param name="Totals">The sums over <paramref name="Nodes"/>; StartedUtcTicks is the answering node's start.</param>
public sealed record ClusterSessionStats(string Self, ImmutableArray<NodeSessionStats> Nodes, RegistryStats Totals) : IEchoMessage;
