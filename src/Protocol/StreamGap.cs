using AkkaMcpEcho.Messages.Frames;

namespace AkkaMcpEcho.Protocol;

/// <summary>
/// The marker a GET stream writes before an event when the events between the last one the client got and this one
/// were lost: a <c>notifications/message</c> at level warning (logger "stream"), sent without an SSE id.
/// </summary>
public static class StreamGap
{
    public const string Level = LogLevels.Warning;

    public static ServerNotification Marker(long lastEventId, long lost) =>
        ServerMessages.Log(Level, "stream", json =>
        {
            json.WriteStartObject();
            json.WriteString("event", "replay-gap");
            json.WriteNumber("lastEventId", lastEventId);
            json.WriteNumber("lost", lost);
            json.WriteNumber("nextHeldId", lastEventId + lost + 1);
            json.WriteEndObject();
        });
}
