using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Actors.Protocol;

/// <summary>MCP logging levels (RFC 5424 order, least severe first) and the notifications/message they label.</summary>
public static class LogLevels
{
    public const string Info = "info";

    public static readonly ImmutableArray<string> Ordered =
        ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

    public static bool IsValid(string level) => Ordered.Contains(level);

    /// <summary>Whether a message at <paramref name="level"/> passes a client's minimum <paramref name="minimum"/>.</summary>
    public static bool Allows(string minimum, string level) => Ordered.IndexOf(level) >= Ordered.IndexOf(minimum);

    public static string Notification(string level, string logger, ActivityData data) =>
        JsonSerializer.Serialize(
            new LogNotification("2.0", "notifications/message", new LogParams(level, logger, data)),
            ProtocolJsonContext.Default.LogNotification);
}

public sealed record ActivityData(string Event, string Tool, bool IsError);

public sealed record LogParams(string Level, string Logger, ActivityData Data);

public sealed record LogNotification(string Jsonrpc, string Method, LogParams Params);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LogNotification))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
