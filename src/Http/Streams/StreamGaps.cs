using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Http.Streams;

/// <summary>
/// Watches the ids on a GET stream, which rise by one per session event: when the next event's id is higher than the
/// one the stream owes the client, the events between were lost (no longer held for a replay, dropped from the queue
/// while no stream was open, or dropped by the stream's drop-head buffer), and the stream sends a gap marker first.
/// The marker is made here, where events are written, so no buffer can drop it and it never takes an event's place.
/// One per stream; not thread-safe.
/// </summary>
internal sealed class StreamGaps(long firstEventId, bool warn)
{
    private long _expected = firstEventId;

    /// <summary>The gap marker to write before <paramref name="item"/>, or null.</summary>
    public SessionEvent? Before(SessionEvent item)
    {
        if (_expected <= 0 || item.Label is not null || item.Id <= 0)
        {
            return null;
        }
        var lost = item.Id - _expected;
        var lastSeen = _expected - 1;
        _expected = item.Id + 1;
        if (lost > 0)
        {
            McpTelemetry.DroppedEvents.Add(lost);
        }
        return lost > 0 && warn ? new SessionEvent(0, StreamGap.Marker(lastSeen, lost)) : null;
    }
}
