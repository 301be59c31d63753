using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Calls;

/// <summary>
/// A tools/call answered as an SSE stream: the session runs the tool and a child sequences what goes to
/// <paramref name="Stream"/> (progress, log notifications, server-to-client requests, then the response), then
/// completes it. Ids are raw JSON.
/// </summary>
public sealed record StreamCall(CallTool Call, string RequestIdJson, string? ProgressTokenJson, IActorRef Stream)
    : ISessionCommand<CallStreaming>
{
    public string SessionId => Call.SessionId;
}

/// <summary>The call runs; <paramref name="CallName"/> labels its stream's events ("call-N").</summary>
public sealed record CallStreaming(string CallName);

/// <summary>notifications/cancelled from the client: stop the named request and send no response for it.</summary>
public sealed record CancelRequest(string SessionId, string RequestIdJson) : ISessionCommand<CancelNoted>;

/// <summary><paramref name="WasRunning"/>: a streamed call with that id was in flight and is stopped.</summary>
public sealed record CancelNoted(bool WasRunning);

/// <summary>
/// A JSON-RPC response the client POSTed to a server-to-client request (sampling, elicitation, ping).
/// <paramref name="Json"/> is the whole response object.
/// </summary>
public sealed record ClientResponse(string SessionId, string IdJson, string Json) : ISessionCommand<ResponseRouted>;

/// <summary><paramref name="Awaited"/>: a call of this session was waiting for this response.</summary>
public sealed record ResponseRouted(bool Awaited);
