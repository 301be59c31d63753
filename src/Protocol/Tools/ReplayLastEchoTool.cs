using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Protocol.Tools;

public static class ReplayLastEchoTool
{
    public const string NothingToReplay = "No previous echo message found in this session. Use the echo tool first!";

    public static readonly ToolDefinition Definition = new(
        "replayLastEcho",
        "Replay the last message that was echoed in this session",
        [],
        Run,
        takesSession: true);

    public static ToolResult Run(ToolContext context)
    {
        if (context.Session.Kind == SessionKind.Stateless)
        {
            return ToolResult.Error("No previous echo message: this 2026-07-28 request names no session. Call echo with "
                + "\"session\": \"new\", then pass the handle it returns as this tool's \"session\" argument.", context.Session);
        }
        if (context.Session.LastEcho is not { } last)
        {
            return ToolResult.Error(NothingToReplay, context.Session);
        }
        var session = context.Session with { ReplayCount = context.Session.ReplayCount + 1 };
        var text = $"🔄 Replaying last echo:\n{last}\nOriginal echo count: {session.LastEchoNumber}\n"
            + $"This session has replayed {session.ReplayCount} messages";
        return ToolResult.Ok(text, session);
    }
}
