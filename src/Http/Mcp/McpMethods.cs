using System.Collections.Frozen;
using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Turns one JSON-RPC message into a session message and the actor's answer into a JSON-RPC reply.</summary>
internal sealed class McpMethods(SessionGateway sessions, EchoSettings settings, StreamedCalls streamed, ToolPages tools)
{
    // The initialize result depends only on the negotiated version: rendered once per version, not per session.
    private readonly FrozenDictionary<string, byte[]> _initializeResults = settings.Profile.SupportedProtocolVersions
        .Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(version => version, version => JsonSerializer.SerializeToUtf8Bytes(
            InitializeResultFor(version, settings.Profile), WireJson.Relaxed.InitializeResult), StringComparer.Ordinal);

    /// <param name="sessionId">The request's session id; checked present by the caller for everything but initialize.</param>
    /// <remarks>Not async: the method's task is handed back as it is, one async frame fewer per request.</remarks>
    public Task<McpReply> Dispatch(JsonRpcMessage message, string? sessionId, HttpContext context, long started)
    {
        if (message.Method == "initialize")
        {
            return message.Kind == JsonRpcKind.Request
                ? Initialize(message, sessionId, context.RequestAborted)
                : Task.FromResult(McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest,
                    "Invalid Request: initialize must be a request with an id"));
        }
        ArgumentNullException.ThrowIfNull(sessionId);
        if (message.Kind != JsonRpcKind.Request)
        {
            // Notifications and client responses: the session must exist; there is nothing to answer.
            return ClientMessages.Accept(sessions, message, sessionId, context);
        }

        var id = message.IdJson;
        if (message.Params.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            return Task.FromResult(McpReply.RequestError(id, JsonRpcErrors.InvalidParams,
                $"Invalid params: params must be an object, got {JsonRpcReader.Kind(message.Params.ValueKind)}"));
        }
        return message.Method == "tools/call" ? CallTool(message, sessionId, context, started) : Other(message, sessionId, context);
    }

    /// <summary>The methods but tools/call (apart, so the lambdas here cost tools/call no closure).</summary>
    private Task<McpReply> Other(JsonRpcMessage message, string sessionId, HttpContext context)
    {
        var id = message.IdJson;
        return message.Method switch
        {
            "tools/list" => ToolsList(sessionId, id, message.Params, context),
            "ping" => WhenSessionExists(sessionId, message.Method, context, () => McpReply.Ok(JsonRpcWriter.RawResult(id, "{}"))),
            "logging/setLevel" => SetLevel(message, sessionId, context),
            _ when settings.Profile.Fixtures && FixtureMethods.Names.Contains(message.Method!) => WhenSessionExists(sessionId,
                message.Method!, context, () => Fixture(FixtureMethods.Answer(message.Method!, message.Params), id)),
            _ => WhenSessionExists(sessionId, message.Method!, context,
                () => McpReply.RequestError(id, JsonRpcErrors.MethodNotFound, $"Method not found: {message.Method}")),
        };
    }

    /// <remarks>Not async: the await is in <see cref="Created"/>, whose frame holds less than this method's locals.</remarks>
    private Task<McpReply> Initialize(JsonRpcMessage message, string? sessionId, CancellationToken cancel)
    {
        var id = message.IdJson;
        if (sessionId is not null)
        {
            return Task.FromResult(McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.InvalidRequest,
                $"Invalid Request: initialize must not carry {McpHeaders.SessionId}; a session is initialized once", id));
        }
        if (InitializeParams.Read(message.Params) is not { } init)
        {
            return Task.FromResult(McpReply.RequestError(id, JsonRpcErrors.InvalidParams, InitializeParams.Expected));
        }
        if (ProtocolVersions.Negotiate(init.ProtocolVersion, settings.Profile.SupportedProtocolVersions) is not { } version)
        {
            // A server of stateless revisions only: initialize names what it supports, so the client can switch.
            return Task.FromResult(McpReply.Refused(StatelessRefusal.UnsupportedVersion(id, init.ProtocolVersion, settings.Profile.StatelessVersions)));
        }
        return Created(sessions.Create(new CreateSession(version, init.Client), cancel), id);
    }

    private async Task<McpReply> Created(Task<SessionCreation> creating, string? id)
    {
        var creation = await creating;
        if (creation.SessionId is not { } created)
        {
            return McpReply.Error(StatusCodes.Status503ServiceUnavailable, JsonRpcErrors.TransportError,
                $"Service Unavailable: session limit reached ({creation.RefusedAtLimit} active sessions, MCP_MAX_SESSIONS); "
                + "end a session with DELETE /mcp or wait for one to expire", id);
        }
        return new McpReply(StatusCodes.Status200OK, _initializeResults.TryGetValue(creation.ProtocolVersion, out var rendered)
            ? JsonRpcWriter.RawResult(id, rendered)
            : JsonRpcWriter.Result(id, InitializeResultFor(creation.ProtocolVersion, settings.Profile), WireJson.Relaxed.InitializeResult),
            created);
    }

    private static InitializeResult InitializeResultFor(string version, ServerProfile profile) =>
        new(version, profile.Fixtures ? ServerCapabilities.WithFixtures : ServerCapabilities.Default,
            new Implementation(ServerProfile.Name, ServerProfile.Version));

    /// <remarks>Not async: the reply is made in the ask's frame, one async frame fewer per call.</remarks>
    private Task<McpReply> CallTool(JsonRpcMessage message, string sessionId, HttpContext context, long started)
    {
        var id = message.IdJson;
        var (parameters, problem) = ToolCallParams.Read(message.Params);
        if (parameters is null)
        {
            return Task.FromResult(McpReply.RequestError(id, JsonRpcErrors.InvalidParams, problem!));
        }
        var call = new CallTool(sessionId, parameters.Name, parameters.Arguments, RequestFactsCapture.From(context, started, message.Params, parameters.Name));
        var progressToken = StreamedCalls.ProgressToken(message.Params);
        if (ToolCatalog.Streams(ToolCatalog.Resolve(parameters.Name, settings.Profile.Fixtures, faultTool: settings.Profile.FaultTool), progressToken))
        {
            return streamed.Start(call, id!, progressToken, context);
        }
        return sessions.Ask(call, context, (id, sessionId), static (answer, asked) => answer.Reply switch
        {
            null => McpReply.SessionNotFound(asked.sessionId),
            { InvalidParams: true } invalid => McpReply.RequestError(asked.id, JsonRpcErrors.InvalidParams, invalid.Text),
            var reply => McpReply.Ok(JsonRpcWriter.Result(asked.id, reply, static (json, reply) => ToolResults.Write(json, reply.Text, reply.IsError))),
        });
    }

    private async Task<McpReply> SetLevel(JsonRpcMessage message, string sessionId, HttpContext context)
    {
        var id = message.IdJson;
        if (message.Params.ValueKind != JsonValueKind.Object || !message.Params.TryGetProperty("level", out var level)
            || level.ValueKind != JsonValueKind.String || !LogLevels.IsValid(level.GetString()!))
        {
            return McpReply.RequestError(id, JsonRpcErrors.InvalidParams,
                "Invalid params: level must be one of " + string.Join(", ", LogLevels.Ordered));
        }
        var answer = await sessions.Ask(new SetLogLevel(sessionId, level.GetString()!), context);
        return answer.Reply is null ? McpReply.SessionNotFound(sessionId) : McpReply.Ok(JsonRpcWriter.RawResult(id, "{}"));
    }

    private async Task<McpReply> WhenSessionExists(string sessionId, string method, HttpContext context, Func<McpReply> reply)
    {
        var answer = await sessions.Ask(new TouchSession(sessionId, method), context);
        return answer.Reply is null ? McpReply.SessionNotFound(sessionId) : reply();
    }

    /// <summary>The session's tools, changed while a tools-changed fault is pending.</summary>
    private async Task<McpReply> ToolsList(string sessionId, string? id, JsonElement parameters, HttpContext context)
    {
        if ((await sessions.Ask(new TouchSession(sessionId, "tools/list"), context)).Reply is not { } touched)
        {
            return McpReply.SessionNotFound(sessionId);
        }
        var (page, problem) = tools.Page(parameters, touched.ToolsChanged);
        return page is not null ? McpReply.Ok(JsonRpcWriter.RawResult(id, page)) : McpReply.RequestError(id, JsonRpcErrors.InvalidParams, problem!);
    }

    private static McpReply Fixture(FixtureAnswer answer, string? id) =>
        answer.ResultJson is { } result
            ? McpReply.Ok(JsonRpcWriter.RawResult(id, result))
            : McpReply.RequestError(id, answer.ErrorCode, answer.ErrorMessage!);
}
