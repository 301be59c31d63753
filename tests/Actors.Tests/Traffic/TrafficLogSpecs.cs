using Akka.Actor;
using Akka.Event;
using AkkaMcpEcho.Actors.Traffic;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using static AkkaMcpEcho.Actors.Tests.Traffic.TrafficRecords;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>One node's traffic log, alone (no mediator, no other members): its ring, its queries and its live feeds.</summary>
public sealed class TrafficLogSpecs : SessionSpec
{
    private IActorRef NewLog(TrafficBounds? bounds = null, Func<IEnumerable<Address>>? others = null) =>
        Sys.ActorOf(TrafficLog.Props(bounds ?? new TrafficBounds(100, 1 << 20), null, null, others ?? (() => [])));

    private TrafficSlice Query(IActorRef log, int limit, bool allNodes = false)
    {
        log.Tell(new GetTraffic(limit, allNodes), TestActor);
        return ExpectMsg<TrafficSlice>(Patience);
    }

    [Fact]
    public void A_query_gets_the_newest_exchanges_oldest_first()
    {
        var log = NewLog();
        for (var n = 1; n <= 5; n++)
        {
            log.Tell(new RecordTraffic(Record(n)));
        }

        var slice = Query(log, limit: 3);

        Assert.Equal([3, 4, 5], Sequences(slice.Exchanges));
        Assert.Equal(0, slice.Evicted);
        Assert.Equal([1, 2, 3, 4, 5], Sequences(Query(log, limit: 100).Exchanges));
    }

    [Fact]
    public void A_query_of_an_empty_log_gets_nothing()
    {
        var slice = Query(NewLog(), limit: 10);

        Assert.Empty(slice.Exchanges);
        Assert.Equal(0, slice.Evicted);
    }

    [Fact]
    public void The_log_keeps_within_its_bounds_and_counts_what_it_evicted()
    {
        var log = NewLog(new TrafficBounds(3, 1 << 20));
        for (var n = 1; n <= 5; n++)
        {
            log.Tell(new RecordTraffic(Record(n)));
        }

        var slice = Query(log, limit: 10);

        Assert.Equal([3, 4, 5], Sequences(slice.Exchanges));
        Assert.Equal(2, slice.Evicted);
    }

    [Fact]
    public void The_log_keeps_within_its_byte_budget()
    {
        var log = NewLog(new TrafficBounds(100, 2500));
        for (var n = 1; n <= 4; n++)
        {
            log.Tell(new RecordTraffic(Sized(n, 1000)));
        }

        var slice = Query(log, limit: 10);

        Assert.Equal([3, 4], Sequences(slice.Exchanges));
        Assert.Equal(2, slice.Evicted);
    }

    [Fact]
    public void Asking_every_node_with_no_other_member_gets_this_log()
    {
        var log = NewLog();
        log.Tell(new RecordTraffic(Record(1)));
        log.Tell(new RecordTraffic(Record(2)));

        Assert.Equal([1, 2], Sequences(Query(log, limit: 10, allNodes: true).Exchanges));
    }

    [Fact]
    public void A_member_that_does_not_answer_leaves_this_logs_exchanges_in_the_answer()
    {
        var gone = new Address("akka.tcp", "akka-mcp-echo", "127.0.0.1", 1);
        var log = NewLog(new TrafficBounds(3, 1 << 20), () => [gone]);
        for (var n = 1; n <= 4; n++)
        {
            log.Tell(new RecordTraffic(Record(n)));
        }

        var slice = Query(log, limit: 2, allNodes: true);

        Assert.Equal([3, 4], Sequences(slice.Exchanges));
        Assert.Equal(1, slice.Evicted);
    }

    [Fact]
    public void A_watching_feed_gets_every_new_exchange_in_order()
    {
        var log = NewLog();
        log.Tell(new RecordTraffic(Record(1)));
        var feed = CreateTestProbe();

        log.Tell(new WatchTraffic(feed.Ref));
        log.Tell(new RecordTraffic(Record(2)));
        log.Tell(new RecordTraffic(Record(3)));

        Assert.Equal(Record(2), feed.ExpectMsg<ExchangeRecord>(Patience));
        Assert.Equal(Record(3), feed.ExpectMsg<ExchangeRecord>(Patience));
        feed.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Every_watching_feed_gets_each_exchange()
    {
        var log = NewLog();
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        log.Tell(new WatchTraffic(first.Ref));
        log.Tell(new WatchTraffic(second.Ref));
        log.Tell(new WatchTraffic(second.Ref));

        log.Tell(new RecordTraffic(Record(1)));

        Assert.Equal(1, first.ExpectMsg<ExchangeRecord>(Patience).Sequence);
        Assert.Equal(1, second.ExpectMsg<ExchangeRecord>(Patience).Sequence);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_feed_that_stopped_is_sent_nothing_more_and_the_log_goes_on()
    {
        var log = NewLog();
        var (stopping, staying) = (CreateTestProbe(), CreateTestProbe());
        log.Tell(new WatchTraffic(stopping.Ref));
        log.Tell(new WatchTraffic(staying.Ref));
        log.Tell(new RecordTraffic(Record(1)));
        stopping.ExpectMsg<ExchangeRecord>(Patience);
        staying.ExpectMsg<ExchangeRecord>(Patience);
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        Watch(stopping.Ref);

        Sys.Stop(stopping.Ref);
        ExpectTerminated(stopping.Ref, Patience);
        // The log hears of the stop by death watch too; give its notification time to arrive.
        Thread.Sleep(300);
        log.Tell(new RecordTraffic(Record(2)));

        Assert.Equal(2, staying.ExpectMsg<ExchangeRecord>(Patience).Sequence);
        Assert.Equal([1, 2], Sequences(Query(log, limit: 10).Exchanges));
        var dead = deadLetters.ReceiveWhile(TimeSpan.FromMilliseconds(500), message => message as DeadLetter);
        Assert.DoesNotContain(dead, letter => letter?.Message is ExchangeRecord);
    }

    [Fact]
    public void A_log_whose_only_feed_stopped_still_records_and_answers()
    {
        var log = NewLog();
        var feed = CreateTestProbe();
        log.Tell(new WatchTraffic(feed.Ref));
        Watch(feed.Ref);
        Sys.Stop(feed.Ref);
        ExpectTerminated(feed.Ref, Patience);

        log.Tell(new RecordTraffic(Record(1)));

        Assert.Equal([1], Sequences(Query(log, limit: 10).Exchanges));
    }
}
