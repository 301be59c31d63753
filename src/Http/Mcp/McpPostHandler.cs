using System.Text.Json;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Stateless;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// POST /mcp: checks the transport rules in order (Content-Type 415, Accept 406, size 413, JSON 400,
/// JSON-RPC shape 400, session and protocol headers 400), then hands the message to <see cref="McpMethods"/>.
/// </summary>
internal sealed class McpPostHandler(
    EchoSettings settings, McpMethods methods, BatchHandler batches, StatelessEndpoint stateless, ClientFaults clientFaults, FaultGate faults,
    ScopeGate scopes)
{
    public async Task Handle(HttpContext context)
    {
        var started = DateTime.UtcNow.Ticks;
        var accept = ContentNegotiation.Negotiate(context.Request.Headers.Accept);
        McpReply? reply;
        try
        {
            reply = await await Process(context, accept, started);
            if (FaultState.Of(context) is { } fault)
            {
                reply = await faults.After(context, fault, reply);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (InjectedFault injected)
        {
            reply = await faults.After(context, injected.State, FaultGate.Refuse(context, injected.State.Action));
        }
        if (reply is not null)
        {
            await FrameWriter.Write(context, reply, accept.PrefersEventStream);
        }
    }

    /// <summary>
    /// The checks, then the method's task, handed back unawaited: the checks end without waiting (the body has arrived),
    /// so this frame costs no allocation, where awaiting the method here cost a state machine per request.
    /// </summary>
    private async ValueTask<Task<McpReply>> Process(HttpContext context, AcceptedFormats accept, long started)
    {
        var request = context.Request;
        if (faults.HeaderRefusal(context, out var fault) is { } badFault)
        {
            return Task.FromResult(badFault);
        }
        if (!ContentNegotiation.IsJsonContent(request.ContentType))
        {
            return Failed(StatusCodes.Status415UnsupportedMediaType, JsonRpcErrors.TransportError,
                $"Unsupported Media Type: Content-Type must be application/json, got '{request.ContentType}'");
        }
        if (!accept.Both)
        {
            return Failed(StatusCodes.Status406NotAcceptable, JsonRpcErrors.TransportError,
                "Not Acceptable: Client must accept both application/json and text/event-stream");
        }

        var limit = settings.Profile.MaxMessageBytes;
        var body = await RequestBody.Read(request, limit, context.RequestAborted);
        await McpExchange.Requested(context, body.Bytes);
        if (body.TooLarge)
        {
            return Failed(StatusCodes.Status413PayloadTooLarge, JsonRpcErrors.TransportError,
                $"Payload Too Large: the body exceeds ECHO_MAX_MESSAGE_SIZE ({limit} bytes)");
        }
        if (body.Bytes is null)
        {
            clientFaults.BodyUnreadable(context, body.FailedStatus, body.Problem);
            return Failed(body.FailedStatus, JsonRpcErrors.TransportError, body.FailedStatus == StatusCodes.Status408RequestTimeout
                ? $"Request Timeout: the body arrived too slowly ({body.Problem})"
                : $"Bad Request: the body could not be read ({body.Problem})");
        }
        if (!JsonBody.TryParse(body.Bytes, out var json, out var code, out var problem))
        {
            return Failed(StatusCodes.Status400BadRequest, code, problem);
        }
        var version = request.Headers[McpHeaders.ProtocolVersion].ToString();
        var hasSession = request.Headers[McpHeaders.SessionId].ToString().Length > 0;
        if (json.ValueKind == JsonValueKind.Array)
        {
            McpExchange.Carries(context, "(batch)", null);
            faults.Before(context, fault, "(batch)", default);
            if (scopes.Refusal(context, "(batch)", null, null) is { } batchForbidden)
            {
                return Task.FromResult(batchForbidden);
            }
            var statelessBatch = StatelessRevision.Serves(version, hasSession, null, false);
            McpExchange.Serving(context, statelessBatch ? ExchangeEra.Modern : ExchangeEra.Legacy);
            return statelessBatch ? Task.FromResult(StatelessEndpoint.Batch()) : batches.Handle(json, context, started);
        }
        if (JsonRpcReader.TryRead(json, out var message) is { } invalid)
        {
            return Failed(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message, invalid.IdJson);
        }
        McpExchange.Carries(context, message.Method ?? "(response)", message.IdJson, message.Params);
        faults.Before(context, fault, message.Method ?? "(response)", message.Params);
        if (message.Method is { } method && scopes.Refusal(context, method, ToolCallParams.NameOf(method, message.Params), message.IdJson) is { } forbidden)
        {
            return Task.FromResult(forbidden);
        }
        if (StatelessRevision.Serves(version, hasSession, message.Method, RequestMeta.IsPresent(message.Params)))
        {
            McpExchange.Serving(context, ExchangeEra.Modern);
            return stateless.Handle(context, message, started);
        }
        McpExchange.Serving(context, ExchangeEra.Legacy);

        if (message.Method != "initialize" && SessionHeaders.Check(request, settings, message.IdJson) is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        var sessionId = request.Headers[McpHeaders.SessionId].ToString();
        return methods.Dispatch(message, sessionId.Length > 0 ? sessionId : null, context, started);
    }

    private static Task<McpReply> Failed(int status, int code, string message, string? idJson = null) =>
        Task.FromResult(McpReply.Error(status, code, message, idJson));
}
