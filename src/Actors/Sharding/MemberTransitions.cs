using Akka.Actor;
using Akka.Cluster;
using Akka.Remote;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// Tracks the cluster's members and whether it is unsettled: a member unreachable, disconnected (a killed process shows
/// here within milliseconds, long before the failure detector), or leaving and handing its shards off, or removed less
/// than <paramref name="settleAfterRemoval"/> ago. While unsettled, a message can vanish on its way to a shard (sharding
/// delivers at most once). Not thread-safe: owned by one actor.
/// </summary>
/// <param name="settleAfterRemoval">How long after a member's removal its shards may still not answer (they restart
/// elsewhere only after the down-removal margin).</param>
internal sealed class MemberTransitions(Address self, TimeSpan settleAfterRemoval)
{
    private readonly HashSet<Address> _unreachable = [];
    private readonly HashSet<Address> _disconnected = [];
    private readonly Dictionary<Address, DateTime?> _leaving = [];
    private DateTime _lastLoss = DateTime.MinValue;

    public HashSet<Address> Members { get; } = [];

    public IEnumerable<Address> Others => Members.Where(m => !m.Equals(self));

    public bool Unsettled(DateTime now)
    {
        foreach (var (address, removedAt) in _leaving.ToArray())
        {
            if (removedAt is { } removed && now - removed > settleAfterRemoval)
            {
                _leaving.Remove(address);
            }
        }
        return _unreachable.Count + _disconnected.Count + _leaving.Count > 0;
    }

    /// <summary>Whether a member became unreachable, disconnected, leaving or removed (however briefly) since <paramref name="since"/>.</summary>
    public bool LostSince(DateTime since) => _lastLoss >= since;

    public void Changed(ClusterEvent.IClusterDomainEvent change, DateTime now)
    {
        switch (change)
        {
            case ClusterEvent.MemberRemoved removed:
                Members.Remove(removed.Member.Address);
                _unreachable.Remove(removed.Member.Address);
                _disconnected.Remove(removed.Member.Address);
                _leaving[removed.Member.Address] = now;
                _lastLoss = now;
                break;
            case ClusterEvent.MemberLeft or ClusterEvent.MemberExited or ClusterEvent.MemberDowned:
                var member = ((ClusterEvent.IMemberEvent)change).Member.Address;
                _leaving.TryAdd(member, null);
                _lastLoss = now;
                break;
            case ClusterEvent.IMemberEvent joined:
                Members.Add(joined.Member.Address);
                break;
            case ClusterEvent.UnreachableMember unreachable:
                _unreachable.Add(unreachable.Member.Address);
                _lastLoss = now;
                break;
            case ClusterEvent.ReachableMember reachable:
                _unreachable.Remove(reachable.Member.Address);
                break;
        }
    }

    /// <summary>A member announced that it starts handing its shards off.</summary>
    public void Leaving(Address member, DateTime now)
    {
        _leaving.TryAdd(member, null);
        _lastLoss = now;
    }

    public void Disconnected(DisassociatedEvent lost, DateTime now)
    {
        if (Members.Contains(lost.RemoteAddress))
        {
            _disconnected.Add(lost.RemoteAddress);
            _lastLoss = now;
        }
    }

    public void Connected(AssociatedEvent back) => _disconnected.Remove(back.RemoteAddress);
}
