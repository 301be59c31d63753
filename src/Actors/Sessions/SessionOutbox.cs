using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// Server-to-client events waiting for a GET stream: a bounded FIFO that drops the oldest when full,
/// the same policy as the stream's own buffer (OverflowStrategy.DropHead). Owned by one actor; not thread-safe.
/// </summary>
public sealed class SessionOutbox(int capacity)
{
    private readonly Queue<SessionEvent> _events = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));
    public int Count => _events.Count;
    public long Dropped { get; private set; }

    public void Enqueue(SessionEvent item)
    {
        if (_events.Count == Capacity)
        {
            _events.Dequeue();
            Dropped++;
        }
        _events.Enqueue(item);
    }

    public IReadOnlyList<SessionEvent> Drain()
    {
        var all = _events.ToArray();
        _events.Clear();
        return all;
    }
}
