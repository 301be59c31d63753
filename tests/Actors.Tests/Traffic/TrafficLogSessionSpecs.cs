using Akka.Actor;
using AkkaMcpEcho.Actors.Traffic;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using static AkkaMcpEcho.Actors.Tests.Traffic.TrafficRecords;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>What a node's traffic log passes on to the sessions' rings, and what it answers of one session.</summary>
public sealed class TrafficLogSessionSpecs : SessionSpec
{
    private IActorRef NewLog(IActorRef sessions) =>
        Sys.ActorOf(TrafficLog.Props(new TrafficBounds(100, 1 << 20), sessions, null, () => []));

    [Fact]
    public void A_session_gets_its_calls_in_one_batch_but_not_its_lifecycle_a_404_or_its_delete()
    {
        var sessions = CreateTestProbe();
        var log = NewLog(sessions.Ref);

        log.Tell(new RecordTraffic(Record(1, session: "s", method: "initialize")));
        log.Tell(new RecordTraffic(Record(2, session: "s", method: "notifications/initialized")));
        log.Tell(new RecordTraffic(Record(3, session: "s")));
        log.Tell(new RecordTraffic(Record(4, session: "s") with { Status = 404 }));
        log.Tell(new RecordTraffic(Record(5, session: "s") with { HttpMethod = "DELETE", RpcMethod = null, Status = 204 }));
        log.Tell(new RecordTraffic(Record(6, session: "s")));

        var batch = sessions.ExpectMsg<RecordExchange>(Patience);
        Assert.Equal("s", batch.SessionId);
        Assert.Equal([3, 6], Sequences(batch.Records));
        sessions.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void The_node_ring_keeps_the_lifecycle_and_answers_one_sessions_exchanges()
    {
        var log = NewLog(CreateTestProbe().Ref);
        log.Tell(new RecordTraffic(Record(1, session: "s", method: "initialize")));
        log.Tell(new RecordTraffic(Record(2, session: "other", method: "initialize")));
        log.Tell(new RecordTraffic(Record(3, session: "s")));

        log.Tell(new GetTraffic(100, AllNodes: false, Session: "s"), TestActor);

        Assert.Equal([1, 3], Sequences(ExpectMsg<TrafficSlice>(Patience).Exchanges));
    }
}
