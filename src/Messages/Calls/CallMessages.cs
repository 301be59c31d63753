using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Calls;

/// <summary>
/// A tools/call answered as an SSE stream: the session runs it in a child that sends every related message
/// (progress, log notifications, server-to-client requests) and finally the JSON-RPC response to
/// <paramref name="Stream"/>, then completes it. Ids are raw JSON. <paramref name="Fixtures"/>: the conformance
/// fixture tools are offered. Answered by <see cref="SessionTouched"/> or <see cref="SessionNotFound"/>.
/// </summary>
public sealed record StreamCall(
    string SessionId,
    CallTool Call,
    string RequestIdJson,
    string? ProgressTokenJson,
    IActorRef Stream,
    bool Fixtures) : IWithSessionId, IEchoMessage;

/// <summary>notifications/cancelled from the client: stop the named request and send no response for it.</summary>
public sealed record CancelRequest(string SessionId, string RequestIdJson) : IWithSessionId, IEchoMessage;

/// <summary>
/// A JSON-RPC response the client POSTed to a server-to-client request (sampling, elicitation, ping).
/// <paramref name="Json"/> is the whole response object. Answered by <see cref="SessionTouched"/>.
/// </summary>
public sealed record ClientResponse(string SessionId, string IdJson, string Json) : IWithSessionId, IEchoMessage;
