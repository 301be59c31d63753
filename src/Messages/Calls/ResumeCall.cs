using Akka.Actor;

namespace AkkaMcpEcho.Messages.Calls;

/// <summary>
/// GET /mcp with a Last-Event-ID a streamed call sent ("call-N/K"): the call's events after K go to
/// <paramref name="Stream"/>, then its live ones until its response. Answered by
/// <see cref="Streams.StreamAttached"/> or <see cref="Streams.ResumeRefused"/>.
/// </summary>
public sealed record ResumeCall(string SessionId, string CallName, long AfterSequence, IActorRef Stream) : IWithSessionId, IEchoMessage;
