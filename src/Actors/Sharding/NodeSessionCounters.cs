using System.Collections.Immutable;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Cluster;
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
    private long _lastExpiredUtcTicks;
    private long _finishedLifetimeTicks;

    public string Self { get; } = self;

    public void Created() => _created++;

    public void Rejected() => _rejected++;

    public void Opened(string sessionId) => _open.Add(sessionId);

    public void Closed(SessionClosed closed)
    {
        _open.Remove(closed.SessionId);
        if (closed.Reason == SessionCloseReason.Lost)
        {
            return;
        }
        _finishedLifetimeTicks += closed.Lifetime.Ticks;
        if (closed.Reason == SessionCloseReason.Ended)
        {
            _ended++;
        }
        else
        {
            _expired++;
            _lastExpiredUtcTicks = DateTime.UtcNow.Ticks;
        }
    }

    public void Peer(string node, RegistryStats stats) => _peers[node] = stats;

    public void Forget(string node) => _peers.Remove(node);

    public RegistryStats Local =>
        new(_open.Count, _created, _expired, _ended, _rejected, _startedUtcTicks, _lastExpiredUtcTicks, _finishedLifetimeTicks);

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
                    LastExpiredUtcTicks = Math.Max(total.LastExpiredUtcTicks, peer.LastExpiredUtcTicks),
                    FinishedLifetimeTicks = total.FinishedLifetimeTicks + peer.FinishedLifetimeTicks,
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
