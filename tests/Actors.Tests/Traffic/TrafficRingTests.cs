using AkkaMcpEcho.Actors.Traffic;
using static AkkaMcpEcho.Actors.Tests.Traffic.TrafficRecords;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>The ring of recorded exchanges: its count and size bounds, what it evicts and counts, and its newest slices.</summary>
public sealed class TrafficRingTests
{
    private static TrafficRing Filled(int capacity, long maxSize, params long[] sizes)
    {
        var ring = new TrafficRing(capacity, maxSize);
        for (var n = 0; n < sizes.Length; n++)
        {
            ring.Add(Sized(n + 1, sizes[n]));
        }
        return ring;
    }

    [Fact]
    public void At_its_capacity_it_keeps_every_exchange_and_evicts_none()
    {
        var ring = Filled(3, long.MaxValue, EmptySize, EmptySize, EmptySize);

        Assert.Equal([1, 2, 3], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(0, ring.Evicted);
    }

    [Fact]
    public void One_past_its_capacity_the_oldest_goes_and_is_counted()
    {
        var ring = Filled(3, long.MaxValue, EmptySize, EmptySize, EmptySize, EmptySize);

        Assert.Equal([2, 3, 4], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(1, ring.Evicted);
    }

    [Fact]
    public void Every_exchange_past_its_capacity_is_counted()
    {
        var ring = Filled(2, long.MaxValue, [.. Enumerable.Repeat(EmptySize, 10)]);

        Assert.Equal([9, 10], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(8, ring.Evicted);
    }

    [Fact]
    public void A_ring_of_no_exchanges_keeps_nothing_and_counts_each()
    {
        var ring = Filled(0, long.MaxValue, EmptySize, EmptySize);

        Assert.Empty(ring.Newest(int.MaxValue));
        Assert.Equal(2, ring.Evicted);
    }

    [Fact]
    public void Exchanges_whose_sizes_sum_exactly_to_the_budget_are_all_kept()
    {
        var ring = Filled(10, 3000, 1000, 1000, 1000);

        Assert.Equal([1, 2, 3], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(0, ring.Evicted);
    }

    [Fact]
    public void One_byte_over_the_budget_evicts_the_oldest()
    {
        var ring = Filled(10, 2999, 1000, 1000, 1000);

        Assert.Equal([2, 3], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(1, ring.Evicted);
    }

    [Fact]
    public void As_many_of_the_oldest_go_as_the_budget_needs()
    {
        var ring = Filled(10, 3000, 1000, 1000, 1000, 2800);

        Assert.Equal([4], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(3, ring.Evicted);
    }

    [Fact]
    public void An_exchange_larger_than_the_whole_budget_is_still_kept_alone()
    {
        var ring = Filled(10, 1000, 600, 10_000);

        var kept = Assert.Single(ring.Newest(int.MaxValue));
        Assert.Equal(2, kept.Sequence);
        Assert.Equal(10_000, kept.Size);
        Assert.Equal(1, ring.Evicted);
    }

    [Fact]
    public void The_next_exchange_pushes_out_an_oversized_one()
    {
        var ring = Filled(10, 1000, 10_000, 600);

        Assert.Equal([2], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(1, ring.Evicted);
    }

    [Fact]
    public void Eviction_gives_back_the_size_of_what_it_evicts()
    {
        // Were the evicted sizes not subtracted, every later exchange would evict all older ones.
        var ring = Filled(10, 2000, 1000, 1000, 1000, 1000, 1000);

        Assert.Equal([4, 5], Sequences(ring.Newest(int.MaxValue)));
        Assert.Equal(3, ring.Evicted);
    }

    [Theory]
    [InlineData(2, new long[] { 4, 5 })]
    [InlineData(1, new long[] { 5 })]
    [InlineData(5, new long[] { 1, 2, 3, 4, 5 })]
    [InlineData(6, new long[] { 1, 2, 3, 4, 5 })]
    [InlineData(0, new long[0])]
    public void Newest_gives_the_newest_exchanges_oldest_first(int limit, long[] expected)
    {
        var ring = Filled(10, long.MaxValue, EmptySize, EmptySize, EmptySize, EmptySize, EmptySize);

        Assert.Equal(expected, Sequences(ring.Newest(limit)));
    }

    [Fact]
    public void Newest_does_not_remove_what_it_returns()
    {
        var ring = Filled(10, long.MaxValue, EmptySize, EmptySize, EmptySize);

        ring.Newest(2);

        Assert.Equal([1, 2, 3], Sequences(ring.Newest(10)));
        Assert.Equal(0, ring.Evicted);
    }

    [Fact]
    public void A_record_counts_its_bodies_and_events_by_utf8_byte_and_its_headers_twice_per_character()
    {
        var record = Record(1, bodyChars: 100) with
        {
            RequestHeaders = [new("Accept", "a/b")],
            ResponseBody = new("12€45", 7, false),
            Events = [new(1, new("abc", 3, false))],
        };

        Assert.Equal(EmptySize + 100 + 7 + (3 + 48) + 2 * (6 + 3 + 24), record.Size);
    }

    [Fact]
    public void Newest_of_a_session_gives_only_its_exchanges_newest_last()
    {
        var ring = new TrafficRing(10, long.MaxValue);
        foreach (var (sequence, session) in new[] { (1L, "a"), (2L, "b"), (3L, "a"), (4L, (string?)null), (5L, "a") })
        {
            ring.Add(Record(sequence, session: session));
        }

        Assert.Equal([1, 3, 5], Sequences(ring.Newest(10, "a")));
        Assert.Equal([3, 5], Sequences(ring.Newest(2, "a")));
        Assert.Equal([2], Sequences(ring.Newest(10, "b")));
        Assert.Empty(ring.Newest(10, "c"));
    }
}
