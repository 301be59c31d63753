using System.Collections.Immutable;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// The events one exchange has sent so far, as the recording keeps them (up to the cap, the rest counted), each with its
/// offset from the start. Lives in the request's features; written by that request only. A JSON answer needs none: the
/// recording keeps it in <see cref="McpExchange.RecordedAnswer"/>.
/// </summary>
internal sealed class TrafficCapture(TrafficSettings settings, DateTimeOffset started)
{
    private List<RecordedEvent>? _events;

    public int EventsDropped { get; private set; }

    public ImmutableArray<RecordedEvent> Events => _events is null ? [] : [.. _events];

    public void Add(TapFrame frame, DateTimeOffset now)
    {
        if (frame.Kind == FrameKind.Event && (_events?.Count ?? 0) < settings.Events)
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
