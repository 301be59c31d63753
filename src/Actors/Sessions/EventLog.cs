using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// The last <see cref="Capacity"/> events published on a session's GET stream, delivered or not, so a client that lost
/// its connection can resume with <c>Last-Event-ID</c>. Ids rise by one per event, so what was evicted is known
/// exactly. Owned by one actor; not thread-safe.
/// </summary>
public sealed class EventLog(int capacity)
{
    private readonly Queue<SessionEvent> _events = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>How many events the log holds.</summary>
    public int Count => _events.Count;

    /// <summary>The id of the newest event ever appended (0 before the first).</summary>
    public long LastId { get; private set; }

    /// <summary>The events held, oldest first.</summary>
    public IReadOnlyCollection<SessionEvent> Held => _events;

    public void Append(SessionEvent item)
    {
        if (_events.Count == Capacity)
        {
            _events.Dequeue();
        }
        _events.Enqueue(item);
        LastId = item.Id;
    }

    /// <summary>
    /// The held events after <paramref name="lastEventId"/>, and how many events after it are no longer held
    /// (0 when the replay is complete). Null when the id was never issued by this session.
    /// </summary>
    public EventReplay? After(long lastEventId)
    {
        if (lastEventId < 0 || lastEventId > LastId)
        {
            return null;
        }
        var held = _events.Where(e => e.Id > lastEventId).ToArray();
        var firstHeld = held.Length > 0 ? held[0].Id : LastId + 1;
        return new EventReplay(held, Math.Max(0, firstHeld - lastEventId - 1));
    }
}

/// <summary>What a resumed stream gets: the held events, and the count of lost ones that came before them.</summary>
public sealed record EventReplay(IReadOnlyList<SessionEvent> Events, long Lost);
