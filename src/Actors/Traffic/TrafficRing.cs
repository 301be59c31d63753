using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;

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

    /// <summary>
    /// A session's ring with <paramref name="records"/> added, made on their first arrival; unchanged (null until then) while
    /// <paramref name="bounds"/> keep no exchanges per session.
    /// </summary>
    public static TrafficRing? Keep(TrafficRing? ring, TrafficBounds bounds, ImmutableArray<ExchangeRecord> records)
    {
        if (bounds.Exchanges <= 0)
        {
            return ring;
        }
        ring ??= new TrafficRing(bounds.Exchanges, bounds.Bytes);
        foreach (var record in records)
        {
            ring.Add(record);
        }
        return ring;
    }

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

    /// <summary>The newest <paramref name="limit"/> exchanges (of one session or handle only, if named), oldest first.</summary>
    public ImmutableArray<ExchangeRecord> Newest(int limit, string? session = null)
    {
        if (session is null)
        {
            return [.. _records.Skip(Math.Max(0, _records.Count - limit)).Select(r => r.Record)];
        }
        var own = _records.Select(r => r.Record).Where(record => record.Session == session).ToArray();
        return [.. own.Skip(Math.Max(0, own.Length - limit))];
    }
}
