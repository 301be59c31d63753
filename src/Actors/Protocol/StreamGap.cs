using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Actors.Protocol;

/// <summary>
/// The marker a resumed GET stream carries first when events after the client's Last-Event-ID are no longer held:
/// a <c>notifications/message</c> at level warning (logger "stream"), sent without an SSE id so it is never replayed.
/// </summary>
public static class StreamGap
{
    public const string Level = "warning";

    public static string Marker(long lastEventId, long lost) =>
        JsonSerializer.Serialize(
            new GapNotification("2.0", "notifications/message",
                new GapParams(Level, "stream", new GapData("replay-gap", lastEventId, lost, lastEventId + lost + 1))),
            StreamGapJsonContext.Default.GapNotification);
}

public sealed record GapData(string Event, long LastEventId, long Lost, long NextHeldId);

public sealed record GapParams(string Level, string Logger, GapData Data);

public sealed record GapNotification(string Jsonrpc, string Method, GapParams Params);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GapNotification))]
internal sealed partial class StreamGapJsonContext : JsonSerializerContext;
