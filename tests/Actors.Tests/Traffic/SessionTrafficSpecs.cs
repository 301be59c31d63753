using System.Diagnostics;
using Akka.Actor;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using static AkkaMcpEcho.Actors.Tests.Traffic.TrafficRecords;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>The ring of exchanges a session or handle keeps, reached through the registry as the recorder reaches it.</summary>
public sealed class SessionTrafficSpecs : SessionSpec
{
    private static ServerProfile Profile(TrafficBounds bounds, TimeSpan? sessionTimeout = null) =>
        TestRequests.Profile(sessionTimeout) with { SessionTraffic = bounds };

    private void Record(IActorRef registry, string id, params long[] sequences)
    {
        foreach (var sequence in sequences)
        {
            registry.Tell(new RecordExchange(id, [TrafficRecords.Record(sequence, session: id)]), TestActor);
        }
    }

    private SessionTraffic Traffic(IActorRef registry, string id)
    {
        registry.Tell(new GetSessionTraffic(id), TestActor);
        return ExpectAnswer<SessionTraffic>();
    }

    [Fact]
    public void A_live_session_keeps_its_exchanges_and_answers_them_oldest_first_with_its_state()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        Record(registry, id, 1, 2);
        var traffic = Traffic(registry, id);

        Assert.Equal(["127.0.0.1:3000#1", "127.0.0.1:3000#2"], traffic.Exchanges.Select(r => r.Id));
        Assert.All(traffic.Exchanges, r => Assert.Equal(id, r.Session));
        Assert.Equal(0, traffic.Evicted);
        Assert.Equal(id, traffic.State.SessionId);
        Assert.Equal(SessionKind.Session, traffic.State.Kind);
        Assert.Equal(ProtocolVersions.V20250618, traffic.State.ProtocolVersion);
    }

    [Fact]
    public void A_session_without_exchanges_answers_an_empty_ring()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        var traffic = Traffic(registry, id);

        Assert.Empty(traffic.Exchanges);
        Assert.Equal(0, traffic.Evicted);
    }

    [Fact]
    public void At_the_ring_bound_every_exchange_is_kept()
    {
        var registry = NewRegistry(Profile(new TrafficBounds(3, 1 << 20)));
        var id = StartSession(registry);

        Record(registry, id, 1, 2, 3);
        var traffic = Traffic(registry, id);

        Assert.Equal([1, 2, 3], Sequences(traffic.Exchanges));
        Assert.Equal(0, traffic.Evicted);
    }

    [Fact]
    public void Past_the_ring_bound_the_newest_are_kept_and_the_rest_counted()
    {
        var registry = NewRegistry(Profile(new TrafficBounds(3, 1 << 20)));
        var id = StartSession(registry);

        Record(registry, id, 1, 2, 3, 4, 5);
        var traffic = Traffic(registry, id);

        Assert.Equal([3, 4, 5], Sequences(traffic.Exchanges));
        Assert.Equal(2, traffic.Evicted);
    }

    [Fact]
    public void The_ring_keeps_within_its_byte_budget()
    {
        var registry = NewRegistry(Profile(new TrafficBounds(50, 2500)));
        var id = StartSession(registry);

        foreach (var sequence in new long[] { 1, 2, 3, 4 })
        {
            registry.Tell(new RecordExchange(id, [Sized(sequence, 1000)]), TestActor);
        }
        var traffic = Traffic(registry, id);

        Assert.Equal([3, 4], Sequences(traffic.Exchanges));
        Assert.Equal(2, traffic.Evicted);
    }

    [Fact]
    public void With_a_ring_of_no_exchanges_nothing_is_kept()
    {
        var registry = NewRegistry(Profile(new TrafficBounds(0, 1 << 20)));
        var id = StartSession(registry);

        Record(registry, id, 1, 2, 3);
        var traffic = Traffic(registry, id);

        Assert.Empty(traffic.Exchanges);
        Assert.Equal(0, traffic.Evicted);
        Assert.Equal(id, traffic.State.SessionId);
    }

    [Fact]
    public void An_unknown_id_answers_not_found_and_its_exchanges_go_nowhere()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        Record(registry, "no-such-session", 1);
        registry.Tell(new GetSessionTraffic("no-such-session"), TestActor);

        ExpectNotFound<SessionTraffic>("no-such-session");
        Assert.Empty(Traffic(registry, id).Exchanges);
    }

    [Fact]
    public void An_ended_session_answers_not_found()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        Record(registry, id, 1);
        registry.Tell(new EndSession(id), TestActor);
        ExpectAnswer<SessionEnded>();

        registry.Tell(new GetSessionTraffic(id), TestActor);

        ExpectNotFound<SessionTraffic>(id);
    }

    [Fact]
    public void A_2026_07_28_handle_keeps_and_answers_its_exchanges_too()
    {
        var registry = NewRegistry();
        registry.Tell(new CreateSession(ProtocolVersions.V20260728, new ClientInfo("spec-client", "1.2.3"), SessionKind.Handle), TestActor);
        var handle = ExpectMsg<SessionCreation>(Patience).SessionId!;

        Record(registry, handle, 1, 2);
        var traffic = Traffic(registry, handle);

        Assert.Equal([1, 2], Sequences(traffic.Exchanges));
        Assert.Equal(handle, traffic.State.SessionId);
        Assert.Equal(SessionKind.Handle, traffic.State.Kind);
    }

    [Fact]
    public void Recording_and_reading_traffic_is_not_activity_of_the_session()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var before = Traffic(registry, id).State;

        Record(registry, id, 1, 2, 3);
        Traffic(registry, id);
        var after = Traffic(registry, id).State;

        Assert.Equal(before.RequestCount, after.RequestCount);
        Assert.Equal(before.LastActivityUtcTicks, after.LastActivityUtcTicks);
    }

    [Fact]
    public async Task A_session_that_only_gets_traffic_messages_still_expires_on_time()
    {
        var timeout = TimeSpan.FromSeconds(1.5);
        var registry = NewRegistry(Profile(TrafficBounds.SessionDefault, timeout));
        var id = StartSession(registry);
        var started = Stopwatch.StartNew();
        var deadline = timeout + TimeSpan.FromSeconds(8);

        var expired = false;
        for (long sequence = 1; !expired && started.Elapsed < deadline; sequence++)
        {
            registry.Tell(new RecordExchange(id, [TrafficRecords.Record(sequence, session: id)]), ActorRefs.NoSender);
            if (sequence % 2 == 0)
            {
                var answer = await registry.Ask<SessionAnswer<SessionTraffic>>(new GetSessionTraffic(id), Patience);
                expired = answer.Reply is null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.True(expired, $"the session was still alive {started.Elapsed} after it started, with a timeout of {timeout}");
        Assert.True(started.Elapsed >= timeout - TimeSpan.FromMilliseconds(100), $"expired after {started.Elapsed}, before its timeout");
        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(1, stats.Expired);
            Assert.Equal(0, stats.Active);
        });
    }
}
