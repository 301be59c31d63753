using System.Text.Json;
using AkkaMcpEcho.Actors.Faults;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Faults;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Faults;

/// <summary>
/// Where a POST /mcp meets its fault: the Echo-Fault header (checked first: a bad one is 400), else a global rule, else
/// (later, through <see cref="SessionGateway"/>) a rule of its session or handle. Effects that replace the answer act here;
/// those on its frames act in <see cref="FaultTap"/>. With no header and no global rule, a request costs a header
/// lookup and a volatile read.
/// </summary>
internal sealed partial class FaultGate(EchoSettings settings, FaultBoard board, SessionGateway sessions, ILogger<FaultGate> log)
{
    /// <summary>The 400 of a bad Echo-Fault header, naming the problem; otherwise null, and the fault asked for, if any.</summary>
    public McpReply? HeaderRefusal(HttpContext context, out FaultAction? asked)
    {
        asked = null;
        var header = context.Request.Headers[FaultVocabulary.Header];
        if (header.Count == 0 || !settings.Faults)
        {
            return null;
        }
        var (action, problem) = header.Count == 1
            ? FaultVocabulary.Parse(header[0] ?? "")
            : (null, $"one header per request, got {header.Count}");
        if (action is { Effect: var effect } && LabFaults.Is(effect))
        {
            (action, problem) = (null, LabFaults.OnlyGlobal(effect));
        }
        asked = action;
        return action is null
            ? McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest, $"Bad Request: {FaultVocabulary.Header} header: {problem}")
            : null;
    }

    /// <summary>
    /// The request's JSON-RPC method is known ("(batch)" for a batch): it carries the header's fault, or the first global
    /// rule it meets.
    /// </summary>
    /// <exception cref="InjectedFault">The fault answers in place of the request.</exception>
    public void Before(HttpContext context, FaultAction? asked, string method, JsonElement parameters)
    {
        if (asked is null && board.IsEmpty)
        {
            return;
        }
        FaultState state;
        if (asked is not null)
        {
            state = new FaultState(asked, "header");
        }
        else if (board.Take(method, Tool(method, parameters), Random.Shared) is { } rule)
        {
            state = new FaultState(rule.Action, $"global rule {rule.Id}");
        }
        else
        {
            return;
        }
        if (FaultState.Carry(context, state) && FaultRules.Refuses(state.Action))
        {
            throw new InjectedFault(state);
        }
    }

    /// <summary>What a refusing fault answers (null for drop: nothing).</summary>
    public static McpReply? Refuse(HttpContext context, FaultAction action)
    {
        var id = McpExchange.Of(context)?.RpcIdJson;
        var response = context.Response;
        switch (action.Effect)
        {
            case FaultEffect.Status:
                if (action.Value == StatusCodes.Status401Unauthorized)
                {
                    response.Headers.WWWAuthenticate = FaultWire.BearerChallenge;
                }
                if (action.RetryAfterSeconds is { } seconds)
                {
                    response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                return new McpReply(action.Value, FaultWire.StatusBody(action, id));
            case FaultEffect.RpcError:
                return McpReply.Ok(FaultWire.RpcErrorBody(action, id));
            default:
                return null;
        }
    }

    /// <summary>
    /// The answer is ready: the fault is labelled (header, log) and acts (delay, drop, the session's end or changed tools,
    /// the response headers); what is returned is written (null: nothing, the connection is gone).
    /// </summary>
    public async Task<McpReply?> After(HttpContext context, FaultState state, McpReply? reply)
    {
        var exchange = McpExchange.Of(context);
        var action = state.Action;
        context.Response.Headers[FaultVocabulary.AppliedHeader] = state.Label;
        Injected(log, state.Label, context.Request.Method, LogText.Safe(exchange?.RpcMethod ?? "-"),
            LogText.Safe(exchange?.SessionId ?? "-"));
        switch (action.Effect)
        {
            case FaultEffect.Drop:
                exchange?.End = ExchangeEnd.Dropped;
                context.Abort();
                return null;
            case FaultEffect.Delay:
                await FaultPause.AtLeast(action.Value, context.RequestAborted);
                break;
            case FaultEffect.ExpireSession or FaultEffect.ToolsChanged when Target(context, exchange, reply) is { } target:
                await sessions.Ask(new ApplyFault(target, action), context.RequestAborted);
                break;
            case FaultEffect.HeaderMismatch:
                var version = context.Request.Headers[McpHeaders.ProtocolVersion].ToString();
                var sessionId = action.Variant == "session-id" || (action.Variant is null && exchange?.Era != ExchangeEra.Modern);
                context.Response.OnStarting(() =>
                {
                    if (sessionId)
                    {
                        context.Response.Headers[McpHeaders.SessionId] = Guid.NewGuid().ToString();
                    }
                    else
                    {
                        context.Response.Headers[McpHeaders.ProtocolVersion] = FaultWire.OtherVersion(version);
                    }
                    return Task.CompletedTask;
                });
                break;
            case FaultEffect.Malformed when action.Variant is "content-type" or "sse":
                context.Response.OnStarting(() =>
                {
                    context.Response.ContentType = action.Variant == "sse" ? McpHeaders.EventStream : "text/plain; charset=utf-8";
                    return Task.CompletedTask;
                });
                break;
        }
        return reply;
    }

    /// <summary>The session or handle a fault that ends or changes one applies to: the one just created, named or used.</summary>
    private static string? Target(HttpContext context, McpExchange? exchange, McpReply? reply) =>
        reply?.NewSessionId
        ?? (exchange is { ViaHandle: true } ? exchange.SessionId
            : exchange?.Era == ExchangeEra.Legacy ? exchange.RequestedSession : null);

    private static string? Tool(string method, JsonElement parameters) =>
        method == "tools/call" && parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Injected fault {Fault} on {HttpMethod} {RpcMethod} (session {Session})")]
    private static partial void Injected(ILogger log, string fault, string httpMethod, string rpcMethod, string session);
}
