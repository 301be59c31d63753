using System.Threading.Channels;
using Akka.Actor;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// What one POST answers: a status, a JSON-RPC body (null: 202 with no body) and, for a successful initialize,
/// the new session's id. Errors of the transport itself (4xx/5xx) always go out as application/json.
/// </summary>
internal sealed record McpReply(int Status, byte[]? Body, string? NewSessionId = null)
{
    public static readonly McpReply Accepted = new(StatusCodes.Status202Accepted, null);

    /// <summary>Set for a streamed answer: the events (related messages, then the response) go out as SSE as they come.</summary>
    public ChannelReader<SessionEvent>? Events { get; init; }

    /// <summary>The actor feeding <see cref="Events"/>; closed once the answer is written or abandoned.</summary>
    public IActorRef? EventSource { get; init; }

    public static McpReply Streamed(IActorRef source, ChannelReader<SessionEvent> events) =>
        new(StatusCodes.Status200OK, null) { Events = events, EventSource = source };

    public static McpReply Ok(byte[] body) => new(StatusCodes.Status200OK, body);

    public static McpReply Error(int status, int code, string message, string? idJson = null) =>
        new(status, JsonRpcWriter.Error(idJson, code, message));

    /// <summary>A JSON-RPC error answering a readable request: HTTP 200, as MCP SDKs answer handled requests.</summary>
    public static McpReply RequestError(string? idJson, int code, string message) =>
        new(StatusCodes.Status200OK, JsonRpcWriter.Error(idJson, code, message));

    public static McpReply SessionNotFound(string sessionId) =>
        Error(StatusCodes.Status404NotFound, JsonRpcErrors.SessionNotFound,
            $"Session not found: {sessionId} (expired, ended, or never issued); initialize a new session");
}
