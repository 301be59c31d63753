using System.Globalization;
using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>
/// injectFault: arranges faults for the caller's own session (or, in 2026-07-28, the handle it names), so any client can
/// set them up. Listed only when MCP_FAULTS_TOOL is on. A rule applies from the next request on.
/// </summary>
public static class InjectFaultTool
{
    public static readonly ToolDefinition Definition = new(
        "injectFault",
        "Arrange injected faults for this session's (or handle's) next requests: the Echo-Fault vocabulary, e.g. "
        + "\"status=503; retry-after=2\", \"delay=1500\", \"drop-stream-after=1\", \"expire-session\"",
        [
            new ToolArgument("fault", ArgumentType.String, "the fault, as the Echo-Fault header names it; effects: " + FaultVocabulary.Known),
            new ToolArgument("count", ArgumentType.Integer, $"how many matching requests it applies to, 1 to {FaultRules.MaxCount} (default 1)"),
            new ToolArgument("method", ArgumentType.String, "only requests of this JSON-RPC method (e.g. tools/call)"),
            new ToolArgument("tool", ArgumentType.String, "only tools/call of this tool"),
            new ToolArgument("probability", ArgumentType.Integer, "the percentage of matching requests it applies to, 1 to 100 (default 100)"),
            new ToolArgument("clear", ArgumentType.Boolean, "remove every fault rule of this session instead"),
        ],
        Run,
        takesSession: true);

    public static ToolResult Run(ToolContext context)
    {
        var session = context.Session;
        if (session.Kind == SessionKind.Stateless)
        {
            return ToolResult.Error("injectFault keeps its rules with a handle in 2026-07-28: pass \"session\": a handle "
                + "(echo with \"session\": \"new\" mints one); for one request alone, send the Echo-Fault header", session);
        }
        if (context.Flag("clear"))
        {
            return ToolResult.Ok($"Removed {session.Faults.Length} fault rule(s) of this {Kind(session)}.", session with { Faults = [] });
        }
        if (session.Faults.Length >= FaultRules.MaxPerSession)
        {
            return ToolResult.Error($"This {Kind(session)} has {FaultRules.MaxPerSession} fault rules, the most it may have; "
                + "remove them with \"clear\": true", session);
        }
        if (FaultVocabulary.Parse(context.String("fault") ?? "").Action is { } lab && LabFaults.Is(lab.Effect))
        {
            return ToolResult.Error("Bad fault request: fault: " + LabFaults.OnlyGlobal(lab.Effect), session);
        }
        var id = "s" + session.RequestCount.ToString(CultureInfo.InvariantCulture);
        var (rule, problem) = FaultRules.Make(id, context.String("fault"), Integer(context, "count"), Integer(context, "probability"),
            context.String("method"), context.String("tool"), defaultCount: 1);
        if (rule is null)
        {
            return ToolResult.Error("Bad fault request: " + problem, session);
        }
        var armed = session with { Faults = session.Faults.Add(rule) };
        var text = new StringBuilder($"Fault rule {FaultText.Describe(rule)}; armed for this {Kind(session)} from its next request.\n")
            .Append($"Rules of this {Kind(session)}:");
        foreach (var each in armed.Faults)
        {
            text.Append("\n- ").Append(FaultText.Describe(each));
        }
        return ToolResult.Ok(text.ToString(), armed);
    }

    private static string Kind(SessionState session) => session.Kind == SessionKind.Handle ? "handle" : "session";

    private static long? Integer(ToolContext context, string name) =>
        context.Arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : null;
}
