using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Messages.Calls;

/// <summary>
/// GET /mcp with a Last-Event-ID a streamed call sent ("call-N/K"): the call's events after K go to
/// <paramref name="Stream"/>, then its live ones until its response.
/// </summary>
public sealed record ResumeCall(string SessionId, string CallName, long AfterSequence, IActorRef Stream) : ISessionCommand<StreamBound>;
