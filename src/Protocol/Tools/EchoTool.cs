namespace AkkaMcpEcho.Protocol.Tools;

public static class EchoTool
{
    public static readonly ToolDefinition Definition = new(
        "echo",
        "Echo back the provided message",
        [
            new ToolArgument("message", ArgumentType.String, "The message to echo back", Required: true),
            new ToolArgument("uppercase", ArgumentType.Boolean, "Convert the message to uppercase"),
        ],
        Run);

    public static ToolResult Run(ToolContext context)
    {
        var message = context.String("message") ?? "";
        var echoed = context.Flag("uppercase") ? message.ToUpperInvariant() : message;
        var session = context.Session with
        {
            EchoCount = context.Session.EchoCount + 1,
            LastEcho = echoed,
            LastEchoNumber = context.Session.EchoCount + 1,
        };
        var text = $"{echoed}\nSession: {session.SessionId}\nEcho count in session: {session.EchoCount}";
        return ToolResult.Ok(text, session);
    }
}
