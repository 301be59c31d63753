using System.Threading.Channels;
using Akka.Actor;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;

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

    /// <summary>Stops what feeds <see cref="Events"/> when the answer is abandoned before it ends (the client went away).</summary>
    public Action? Abandon { get; init; }

    /// <summary>A long-lived stream: a keep-alive comment whenever it has been idle this long.</summary>
    public TimeSpan? KeepAliveEvery { get; init; }

    /// <summary>Written last when the events end without the client going (a listen stream the server closes).</summary>
    public ServerMessage? Final { get; init; }

    /// <summary>A stream fed by an actor (a session's call runner): abandoning it completes the actor's source.</summary>
    public static McpReply Streamed(IActorRef source, ChannelReader<SessionEvent> events) =>
        new(StatusCodes.Status200OK, null) { Events = events, Abandon = () => Streams.SessionStreams.Close(source) };

    /// <summary>A stream of messages known at once (a log notification, then the result).</summary>
    public static McpReply Streamed(params ServerMessage[] messages)
    {
        var channel = Channel.CreateUnbounded<SessionEvent>();
        foreach (var message in messages)
        {
            channel.Writer.TryWrite(new SessionEvent(0, message));
        }
        channel.Writer.Complete();
        return new(StatusCodes.Status200OK, null) { Events = channel.Reader };
    }

    public static McpReply Ok(byte[] body) => new(StatusCodes.Status200OK, body);

    /// <summary>A 2026-07-28 refusal, with the status that revision requires for it.</summary>
    public static McpReply Refused(StatelessRefusal refusal) =>
        new(refusal.Status, JsonRpcWriter.Error(refusal.IdJson, refusal.Code, refusal.Message, refusal.DataJson));

    public static McpReply Error(int status, int code, string message, string? idJson = null) =>
        new(status, JsonRpcWriter.Error(idJson, code, message));

    /// <summary>A JSON-RPC error answering a readable request: HTTP 200, as MCP SDKs answer handled requests.</summary>
    public static McpReply RequestError(string? idJson, int code, string message) =>
        new(StatusCodes.Status200OK, JsonRpcWriter.Error(idJson, code, message));

    public static McpReply SessionNotFound(string sessionId) =>
        Error(StatusCodes.Status404NotFound, JsonRpcErrors.SessionNotFound,
            $"Session not found: {sessionId} (expired, ended, or never issued); initialize a new session");
}
