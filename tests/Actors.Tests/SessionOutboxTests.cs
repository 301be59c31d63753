using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionOutboxTests
{
    [Fact]
    public void Keeps_the_newest_100_of_150_in_order_and_counts_the_dropped()
    {
        var outbox = new SessionOutbox(100);

        for (var id = 1L; id <= 150; id++)
        {
            outbox.Enqueue(new SessionEvent(id, $$"""{"id":{{id}}}"""));
        }

        Assert.Equal(100, outbox.Count);
        Assert.Equal(50, outbox.Dropped);
        var drained = outbox.Drain();
        Assert.Equal(Enumerable.Range(51, 100).Select(n => (long)n), drained.Select(e => e.Id));
        Assert.Equal("""{"id":51}""", drained[0].Json);
    }

    [Fact]
    public void Below_capacity_nothing_is_dropped()
    {
        var outbox = new SessionOutbox(100);
        for (var id = 1L; id <= 100; id++)
        {
            outbox.Enqueue(new SessionEvent(id, "{}"));
        }

        Assert.Equal(0, outbox.Dropped);
        Assert.Equal(Enumerable.Range(1, 100).Select(n => (long)n), outbox.Drain().Select(e => e.Id));
    }

    [Fact]
    public void Drain_empties_the_outbox_and_it_fills_again()
    {
        var outbox = new SessionOutbox(2);
        outbox.Enqueue(new SessionEvent(1, "{}"));
        outbox.Enqueue(new SessionEvent(2, "{}"));
        outbox.Enqueue(new SessionEvent(3, "{}"));

        Assert.Equal([2L, 3L], outbox.Drain().Select(e => e.Id));
        Assert.Equal(0, outbox.Count);
        Assert.Empty(outbox.Drain());

        outbox.Enqueue(new SessionEvent(4, "{}"));
        Assert.Equal([4L], outbox.Drain().Select(e => e.Id));
        Assert.Equal(1, outbox.Dropped);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Refuses_a_capacity_below_one(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SessionOutbox(capacity));
    }
}
