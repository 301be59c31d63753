using Akka.Actor;

namespace AkkaMcpEcho.Messages.Streams;

/// <summary>
/// Binds a GET /mcp stream to its session. <paramref name="Stream"/> is the actor materialized by the stream's source:
/// location-transparent, so the session may live on another node. A newer stream replaces an older one.
/// </summary>
public sealed record AttachStream(string SessionId, IActorRef Stream) : IWithSessionId, IEchoMessage;

/// <summary>
/// The stream is bound; <paramref name="Flushed"/> queued or replayed events went to it at once.
/// <paramref name="FirstEventId"/>: the id the stream owes the client first (0: ids are not numbered, a call's stream);
/// an event arriving with a higher id means the ones between were lost, and the stream says so with a gap marker when
/// <paramref name="GapWarnings"/> (the session's log level lets warnings through).
/// </summary>
public sealed record StreamAttached(string SessionId, int Flushed, long FirstEventId = 0, bool GapWarnings = false)
    : IWithSessionId, IEchoMessage;

/// <summary>Queues a server-to-client JSON-RPC message (a complete JSON object) for the session's GET stream.</summary>
public sealed record PublishEvent(string SessionId, string Json) : IWithSessionId, IEchoMessage;

/// <summary>
/// One server-to-client JSON-RPC message on a session stream; <paramref name="Id"/> is unique within the session.
/// A streamed call's events carry a <paramref name="Label"/> instead ("call-N/K": the call's own sequence), so a
/// resumption names its stream; <paramref name="RetryMs"/> adds an SSE retry field; empty Json is a priming event.
/// </summary>
public sealed record SessionEvent(long Id, string Json, string? Label = null, int? RetryMs = null) : IEchoMessage;
