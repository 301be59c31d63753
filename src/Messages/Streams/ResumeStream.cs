using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Streams;

/// <summary>
/// GET /mcp with <c>Last-Event-ID</c>: binds <paramref name="Stream"/> like <see cref="AttachStream"/>, first replaying
/// the events after <paramref name="LastEventId"/> that the session still holds.
/// </summary>
public sealed record ResumeStream(string SessionId, IActorRef Stream, long LastEventId) : ISessionCommand<StreamBound>;
