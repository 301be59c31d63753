using System.Text.Json;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Stateless;

/// <summary>
/// A 2026-07-28 tools/call. A default tool runs here when the call names no handle (nothing outlives the request), or
/// in the handle's entity when it names one (<c>session</c>: a handle, or "new" for echo to mint one); a fixture tool
/// runs through <see cref="StatelessFixtures"/>. With a progress token or a log level, the answer is an SSE stream:
/// the activity log and the progress first, then the result.
/// </summary>
internal sealed class StatelessToolCalls(EchoSettings settings, SessionGateway sessions, HostFactsSource host, StatelessFixtures fixtures)
{
    private const string SessionArgument = "session";
    private const string NewSession = "new";

    public async Task<McpReply> Call(HttpContext context, JsonRpcMessage message, RequestMeta meta, long started)
    {
        var id = message.IdJson!;
        var (call, problem) = ToolCallParams.Read(message.Params);
        if (call is null)
        {
            return McpReply.RequestError(id, JsonRpcErrors.InvalidParams, problem!);
        }
        var entry = ToolCatalog.Resolve(call.Name, settings.Profile.Fixtures, stateless: true, settings.Profile.FaultTool);
        if (entry.Fixture is not null)
        {
            return fixtures.Call(context, message, meta, call);
        }
        if (entry.Tool is not { } tool)
        {
            return McpReply.RequestError(id, JsonRpcErrors.InvalidParams, $"Unknown tool: {call.Name}");
        }
        var facts = RequestFactsCapture.From(context, started, message.Params, tool.Name);
        var cancel = context.RequestAborted;
        var handle = tool.TakesSession && call.Arguments.TryGetProperty(SessionArgument, out var named)
            && named.ValueKind == JsonValueKind.String ? named.GetString() : null;
        var reply = handle switch
        {
            null when !tool.NeedsRegistryStats => RunHere(tool, call, meta, facts, null),
            null => RunHere(tool, call, meta, facts, await Stats(cancel)),
            NewSession when tool.Name != EchoTool.Definition.Name => Error(
                $"\"session\": \"new\" mints a handle with echo only; pass {tool.Name} the handle echo returned"),
            NewSession => await Mint(meta, cancel) is { } minted
                ? await InHandle(context, minted, call, facts)
                : Error($"Cannot mint a session handle: {settings.Profile.MaxSessions} sessions and handles are active (MCP_MAX_SESSIONS)"),
            _ => await InHandle(context, handle, call, facts),
        };
        return Answer(id, tool.Name, reply, meta);
    }

    /// <summary>Runs a tool in this request; <paramref name="stats"/>: the registry's counters, for the tools that show them.</summary>
    private ToolCallReply RunHere(ToolDefinition tool, ToolCallParams call, RequestMeta meta, Messages.RequestFacts facts, RegistryStats? stats)
    {
        var now = DateTimeOffset.UtcNow;
        var context = new ToolContext(SessionState.Stateless(meta.ProtocolVersion, meta.Client, now.UtcTicks), facts, call.Arguments,
            settings.Profile, now, 0, stats)
        {
            Host = ToolCatalog.NeedsHostFacts(tool) ? host.Capture() : HostFacts.Unavailable,
        };
        var result = ToolInvoker.Invoke(tool, context);
        return new ToolCallReply(result.Text, result.IsError, StructuredJson: result.StructuredJson);
    }

    private async Task<ToolCallReply> InHandle(HttpContext context, string handle, ToolCallParams call, Messages.RequestFacts facts)
    {
        McpExchange.InHandle(context, handle);
        return (await sessions.Ask(new CallTool(handle, call.Name, call.Arguments, facts, ViaHandle: true), context)).Reply
        ?? Error($"Unknown session handle '{handle}': it was never issued, or it expired after "
            + $"{TextFormat.Duration(settings.Profile.SessionTimeout)} idle (MCP_SESSION_TIMEOUT). "
            + "Call echo with \"session\": \"new\" for a new one.");
    }

    private async Task<string?> Mint(RequestMeta meta, CancellationToken cancel) =>
        (await sessions.Create(new CreateSession(meta.ProtocolVersion, meta.Client, SessionKind.Handle), cancel)).SessionId;

    /// <summary>The registry's counters, or none when it does not answer in time (the tool then says so).</summary>
    private async Task<RegistryStats?> Stats(CancellationToken cancel)
    {
        try
        {
            return await sessions.Stats(cancel);
        }
        catch (Akka.Actor.AskTimeoutException)
        {
            return null;
        }
    }

    private static ToolCallReply Error(string text) => new(text, IsError: true);

    private static McpReply Answer(string id, string tool, ToolCallReply reply, RequestMeta meta)
    {
        var logged = meta.LogLevel is { } level && LogLevels.Allows(level, LogLevels.Info);
        if (!logged && meta.ProgressTokenJson is null)
        {
            // The usual call: one JSON answer, written straight into the reply (no result text rendered first).
            return McpReply.Ok(JsonRpcWriter.Result(id, reply,
                static (json, reply) => ToolResults.WriteStateless(json, reply.Text, reply.IsError, reply.StructuredJson)));
        }
        var related = new List<ServerMessage>(3);
        if (logged)
        {
            related.Add(LogLevels.Activity(tool, reply.IsError));
        }
        if (meta.ProgressTokenJson is { } token)
        {
            related.Add(ServerMessages.Progress(token, 1, 1));
        }
        related.Add(new ServerResult(id, ToolResults.Stateless(reply.Text, reply.IsError, reply.StructuredJson)));
        return McpReply.Streamed([.. related]);
    }
}
