using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Frames;

namespace AkkaMcpEcho.Protocol;

/// <summary>MCP logging levels (RFC 5424 order, least severe first), and the log messages the server itself sends.</summary>
public static class LogLevels
{
    public const string Info = "info";
    public const string Warning = "warning";

    public static readonly ImmutableArray<string> Ordered =
        ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

    public static bool IsValid(string level) => Ordered.Contains(level);

    /// <summary>Whether a message at <paramref name="level"/> passes a client's minimum <paramref name="minimum"/>.</summary>
    public static bool Allows(string minimum, string level) => Ordered.IndexOf(level) >= Ordered.IndexOf(minimum);

    /// <summary>A session's activity log entry: one per tools/call, at info, once the client asked for logs.</summary>
    public static ServerNotification Activity(string tool, bool isError) =>
        ServerMessages.Log(Info, "session", json =>
        {
            json.WriteStartObject();
            json.WriteString("event", "tools/call");
            json.WriteString("tool", tool);
            json.WriteBoolean("isError", isError);
            json.WriteEndObject();
        });
}
