using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Cluster.Tests;

public sealed class NodeSessionCountersTests
{
    [Fact]
    public void Closed_sessions_count_by_reason_with_their_lifetimes_and_the_latest_expiry_across_nodes()
    {
        var counters = new NodeSessionCounters("akka.tcp://akka-mcp-echo@127.0.0.1:4051");
        foreach (var id in new[] { "a", "b", "c" })
        {
            counters.Created();
            counters.Opened(id);
        }

        counters.Closed(new SessionClosed("a", SessionCloseReason.Expired, TimeSpan.FromSeconds(3)));
        counters.Closed(new SessionClosed("b", SessionCloseReason.Ended, TimeSpan.FromSeconds(5)));
        counters.Closed(new SessionClosed("c", SessionCloseReason.Lost, TimeSpan.FromSeconds(7)));
        var peerExpiry = DateTime.UtcNow.AddMinutes(1).Ticks;
        counters.Peer("akka.tcp://akka-mcp-echo@127.0.0.1:4052",
            new RegistryStats(1, 4, 2, 1, 0, 0, peerExpiry, TimeSpan.FromSeconds(10).Ticks));

        var local = counters.Local;
        Assert.Equal((0, 1L, 1L), (local.Active, local.Expired, local.Ended));
        Assert.Equal(TimeSpan.FromSeconds(8).Ticks, local.FinishedLifetimeTicks);
        Assert.InRange(local.LastExpiredUtcTicks, DateTime.UtcNow.AddMinutes(-1).Ticks, DateTime.UtcNow.Ticks);
        var totals = counters.Totals;
        Assert.Equal((1, 7L, 3L, 2L), (totals.Active, totals.TotalCreated, totals.Expired, totals.Ended));
        Assert.Equal(TimeSpan.FromSeconds(18).Ticks, totals.FinishedLifetimeTicks);
        Assert.Equal(peerExpiry, totals.LastExpiredUtcTicks);
    }
}
