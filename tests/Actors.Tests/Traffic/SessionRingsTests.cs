using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;
using static AkkaMcpEcho.Actors.Tests.Traffic.TrafficRecords;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>A session's view: its own ring, joined with its lifecycle exchanges from the nodes' rings.</summary>
public sealed class SessionRingsTests
{
    private static SessionTraffic Own(params ExchangeRecord[] records) => new([.. records], 3, TestRequests.Session("s"));

    [Fact]
    public void The_lifecycle_joins_the_ring_in_time_order_and_the_evicted_count_stays()
    {
        var own = Own(Record(3, session: "s"), Record(5, session: "s"));
        ExchangeRecord[] logged = [Record(1, session: "s", method: "initialize"), Record(2, session: "s", method: "notifications/initialized"),
            Record(3, session: "s"), Record(4, session: "s")];

        var joined = SessionRings.WithLifecycle(own, logged);

        Assert.Equal([1, 2, 3, 5], Sequences(joined.Exchanges));
        Assert.Equal(3, joined.Evicted);
        Assert.Equal(own.State, joined.State);
    }

    [Fact]
    public void Without_lifecycle_in_the_nodes_rings_the_own_ring_is_the_view()
    {
        var own = Own(Record(3, session: "s"));

        Assert.Same(own, SessionRings.WithLifecycle(own, [Record(3, session: "s"), Record(4, session: "s")]));
    }

    [Theory]
    [InlineData("tools/call", 200, "POST", true)]
    [InlineData("ping", 200, "POST", true)]
    [InlineData("initialize", 200, "POST", false)]
    [InlineData("notifications/initialized", 202, "POST", false)]
    [InlineData("tools/call", 404, "POST", false)]
    [InlineData(null, 204, "DELETE", false)]
    [InlineData(null, 405, "DELETE", true)]
    [InlineData(null, 200, "GET", true)]
    public void A_sessions_ring_keeps_its_calls_and_streams(string? method, int status, string httpMethod, bool kept)
    {
        var record = Record(1, session: "s") with { RpcMethod = method, Status = status, HttpMethod = httpMethod };

        Assert.Equal(kept, SessionRings.Keeps(record));
        Assert.False(SessionRings.Keeps(record with { Session = null }));
    }
}
