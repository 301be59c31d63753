using System.Text;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Protocol.Tools;

public static class SessionInfoTool
{
    public static readonly ToolDefinition Definition = new(
        "sessionInfo",
        "Display current session information and statistics",
        [],
        Run,
        takesSession: true);

    /// <remarks>
    /// Runs after the current request was counted: "Last Activity" is the request before this one,
    /// and the idle timer has just restarted, so the time until expiry is the whole timeout.
    /// </remarks>
    public static ToolResult Run(ToolContext context)
    {
        var s = context.Session;
        var now = context.Now.UtcTicks;
        var client = s.Client.Name is null && s.Client.Version is null
            ? "unknown"
            : $"{s.Client.Name ?? "unknown"} v{s.Client.Version ?? "unknown"}";
        var text = new StringBuilder()
            .Append("📊 Session Information\n\n")
            .Append("🔑 Session Details:\n")
            .Append($"- Session ID: {(s.Kind == SessionKind.Stateless ? "none" : s.SessionId)}\n")
            .Append($"- Created: {TextFormat.Utc(s.CreatedUtcTicks)}\n")
            .Append($"- Last Activity: {TextFormat.Utc(s.PreviousActivityUtcTicks)}\n")
            .Append($"- Age: {TextFormat.Duration(TimeSpan.FromTicks(now - s.CreatedUtcTicks))}\n")
            .Append($"- Time Until Expiry: {(s.Kind == SessionKind.Stateless ? "n/a (nothing is kept)" : TextFormat.Duration(context.Server.SessionTimeout))}\n\n")
            .Append("📈 Session Metrics:\n")
            .Append($"- Total Requests: {s.RequestCount}\n")
            .Append($"- Echo Count: {s.EchoCount}\n")
            .Append($"- Replay Count: {s.ReplayCount}\n")
            .Append($"- Message Queue: {context.PendingEvents} pending\n\n")
            .Append("🧠 Session State:\n")
            .Append(s.Kind == SessionKind.Session ? "- Initialized: ✅\n" : "- Initialized: not needed (2026-07-28 has no initialize)\n")
            .Append($"- Protocol Version: {s.ProtocolVersion}\n")
            .Append($"- Client: {client}\n")
            .Append($"- Era: {(s.Kind == SessionKind.Session ? "2025 protocol session" : "2026-07-28, stateless requests")}\n")
            .Append($"- State From: {StateFrom(s.Kind)}")
            .ToString();
        return ToolResult.Ok(text, s);
    }

    private static string StateFrom(SessionKind kind) => kind switch
    {
        SessionKind.Session => "session (the Mcp-Session-Id header)",
        SessionKind.Handle => "handle (the session argument)",
        _ => "none: nothing outlives this request",
    };
}
