using System.Collections.Immutable;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// This node's session counters and the latest counters gossiped by the other members. Not thread-safe: owned by one actor.
/// </summary>
internal sealed class NodeSessionCounters(string self)
{
    private readonly HashSet<string> _open = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, RegistryStats> _peers = new(StringComparer.Ordinal);
    private readonly long _startedUtcTicks = DateTime.UtcNow.Ticks;
    private long _created;
    private long _expired;
    private long _ended;
    private long _rejected;

    public string Self { get; } = self;

    public void Created() => _created++;

    public void Rejected() => _rejected++;

    public void Opened(string sessionId) => _open.Add(sessionId);

    public void Closed(string sessionId, SessionCloseReason reason)
    {
        _open.Remove(sessionId);
        if (reason == SessionCloseReason.Ended)
        {
            _ended++;
        }
        else if (reason == SessionCloseReason.Expired)
        {
            _expired++;
        }
    }

    public void Peer(string node, RegistryStats stats) => _peers[node] = stats;

    public void Forget(string node) => _peers.Remove(node);

    public RegistryStats Local => new(_open.Count, _created, _expired, _ended, _rejected, _startedUtcTicks);

    public RegistryStats Totals
    {
        get
        {
            var total = Local;
            foreach (var peer in _peers.Values)
            {
                total = total with
                {
                    Active = total.Active + peer.Active,
                    TotalCreated = total.TotalCreated + peer.TotalCreated,
                    Expired = total.Expired + peer.Expired,
                    Ended = total.Ended + peer.Ended,
                    Rejected = total.Rejected + peer.Rejected,
                };
            }
            return total;
        }
    }

    public ClusterSessionStats Snapshot() => new(Self, Members(), Totals);

    /// <summary>The cluster totals with each member's counters: the answer to <see cref="GetRegistryStats"/>.</summary>
    public RegistryStats TotalsByNode() => Totals with
    {
        Nodes = [.. Members().Select(n => new NodeCounts(n.Node, n.Stats.Active, n.Stats.TotalCreated, n.Stats.Expired, n.Stats.Ended))],
    };

    private ImmutableArray<NodeSessionStats> Members() =>
        _peers.Select(p => new NodeSessionStats(p.Key, p.Value))
            .Append(new NodeSessionStats(Self, Local))
            .OrderBy(n => n.Node, StringComparer.Ordinal)
            .ToImmutableArray();
}
