using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

public sealed class EventLogTests
{
    private static EventLog LogOf(int capacity, int events)
    {
        var log = new EventLog(capacity);
        for (var id = 1; id <= events; id++)
        {
            log.Append(new SessionEvent(id, TestRequests.Note($"{{\"n\":{id}}}")));
        }
        return log;
    }

    [Fact]
    public void Replays_everything_after_the_id_while_the_log_holds_it()
    {
        var replay = LogOf(5, 4).After(1)!;

        Assert.Equal([2L, 3L, 4L], replay.Events.Select(e => e.Id));
        Assert.Equal(0, replay.Lost);
    }

    [Fact]
    public void Counts_the_events_evicted_between_the_id_and_the_oldest_held()
    {
        var replay = LogOf(3, 10).After(2)!;

        Assert.Equal([8L, 9L, 10L], replay.Events.Select(e => e.Id));
        Assert.Equal(5, replay.Lost);
    }

    [Fact]
    public void The_newest_id_replays_nothing_and_loses_nothing()
    {
        var replay = LogOf(3, 10).After(10)!;

        Assert.Empty(replay.Events);
        Assert.Equal(0, replay.Lost);
    }

    [Fact]
    public void An_id_never_issued_is_refused()
    {
        var log = LogOf(3, 10);

        Assert.Null(log.After(11));
        Assert.Null(log.After(-1));
        Assert.NotNull(log.After(0));
        Assert.Equal(7, log.After(0)!.Lost);
    }

    [Fact]
    public void Keeps_the_newest_100_of_150_in_order_and_counts_the_dropped()
    {
        var replay = LogOf(100, 150).After(0)!;

        Assert.Equal(Enumerable.Range(51, 100).Select(n => (long)n), replay.Events.Select(e => e.Id));
        Assert.Equal(TestRequests.Note("{\"n\":51}"), replay.Events[0].Message);
        Assert.Equal(50, replay.Lost);
    }

    [Fact]
    public void Below_capacity_nothing_is_dropped()
    {
        var replay = LogOf(100, 100).After(0)!;

        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), replay.Events.Select(e => e.Id));
        Assert.Equal(0, replay.Lost);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_a_capacity_below_one(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventLog(capacity));
    }
}
