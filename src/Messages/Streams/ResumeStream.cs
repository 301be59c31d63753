using Akka.Actor;

namespace AkkaMcpEcho.Messages.Streams;

/// <summary>
/// GET /mcp with <c>Last-Event-ID</c>: binds <paramref name="Stream"/> like <see cref="AttachStream"/>, first replaying
/// the events after <paramref name="LastEventId"/> that the session still holds. Answered by <see cref="StreamAttached"/>
/// (Flushed = events replayed) or <see cref="ResumeRefused"/>.
/// </summary>
public sealed record ResumeStream(string SessionId, IActorRef Stream, long LastEventId) : IWithSessionId, IEchoMessage;

/// <summary>The Last-Event-ID names no event this session's GET stream has sent.</summary>
public sealed record ResumeRefused(string SessionId, string Reason) : IWithSessionId, IEchoMessage;
