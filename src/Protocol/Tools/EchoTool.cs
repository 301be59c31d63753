using AkkaMcpEcho.Messages.Sessions;

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
        Run,
        takesSession: true);

    /// <summary>What the Session line says for a 2026-07-28 request that passed no handle.</summary>
    public const string NoSession = "none (a stateless 2026-07-28 request; pass \"session\": \"new\" to keep state)";

    public static ToolResult Run(ToolContext context)
    {
        var message = context.String("message") ?? "";
        var echoed = context.Flag("uppercase") ? message.ToUpperInvariant() : message;
        var count = context.Session.EchoCount + 1;
        // A stateless call keeps nothing: its state is not copied for an answer no one stores.
        var session = context.Session.Kind == SessionKind.Stateless
            ? context.Session
            : context.Session with { EchoCount = count, LastEcho = echoed, LastEchoNumber = count };
        var shownId = session.Kind == SessionKind.Stateless ? NoSession : session.SessionId;
        var text = $"{echoed}\nSession: {shownId}\nEcho count in session: {count}";
        // Not Ok(...) with { ... }: one result per call, not two.
        return new ToolResult(text, session)
        {
            StructuredJson = session.Kind == SessionKind.Session ? null : JsonText.Object((echoed, session, count), static (json, echo) =>
            {
                json.WriteString("message", echo.echoed);
                if (echo.session.Kind == SessionKind.Handle)
                {
                    json.WriteString("session", echo.session.SessionId);
                }
                else
                {
                    json.WriteNull("session");
                }
                json.WriteNumber("echoCount", echo.count);
            }),
        };
    }
}
