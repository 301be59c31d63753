using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Traffic;

/// <summary>
/// The newest recorded exchanges, at most <paramref name="capacity"/> of them and about <paramref name="maxSize"/> bytes
/// of memory in all (<see cref="ExchangeRecord.Size"/>): the oldest go first, and they are counted. Owned by one actor; not thread-safe.
/// </summary>
internal sealed class TrafficRing(int capacity, long maxSize)
{
    // Each record with its size, computed once.
    private readonly Queue<(ExchangeRecord Record, long Size)> _records = new();
    private long _size;

    /// <summary>Exchanges dropped to stay within the bounds.</summary>
    public long Evicted { get; private set; }

    public void Add(ExchangeRecord record)
    {
        var size = record.Size;
        _records.Enqueue((record, size));
        _size += size;
        while (_records.Count > capacity || (_size > maxSize && _records.Count > 1))
        {
            _size -= _records.Dequeue().Size;
            Evicted++;
        }
    }

    /// <summary>The newest <paramref name="limit"/> exchanges, oldest first.</summary>
    public ImmutableArray<ExchangeRecord> Newest(int limit) => [.. _records.Skip(Math.Max(0, _records.Count - limit)).Select(r => r.Record)];
}
