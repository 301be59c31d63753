using System.Collections.Immutable;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// What one exchange has sent so far, as the recording keeps it: its JSON answer, or its events (up to the cap, the
/// rest counted), each with its offset from the start. Lives in the request's features; written by that request only.
/// </summary>
internal sealed class TrafficCapture(TrafficSettings settings, DateTimeOffset started)
{
    // Most answers are one JSON body: the list exists only once an event arrives.
    private List<RecordedEvent>? _events;

    public RecordedText? Answer { get; private set; }

    public int EventsDropped { get; private set; }

    public ImmutableArray<RecordedEvent> Events => _events is null ? [] : [.. _events];

    public void Add(TapFrame frame, DateTimeOffset now)
    {
        if (frame.Kind == FrameKind.Json)
        {
            Answer = RecordedTexts.Of(frame.Bytes, settings.BodyBytes, settings.RevealSecrets);
        }
        else if (frame.Kind == FrameKind.Event && (_events?.Count ?? 0) < settings.Events)
        {
            _events ??= [];
            var text = RecordedTexts.Of(frame.Bytes.AsSpan().TrimEnd((byte)'\n'), settings.BodyBytes, settings.RevealSecrets);
            _events.Add(new RecordedEvent(Math.Round((now - started).TotalMilliseconds, 3), text));
        }
        else if (frame.Kind == FrameKind.Event)
        {
            EventsDropped++;
        }
    }

    /// <summary>The last event kept, whole: where a streamed answer's response (or error) is.</summary>
    public RecordedText? LastEvent => _events is [.., var last] && !last.Data.Truncated ? last.Data : null;
}
