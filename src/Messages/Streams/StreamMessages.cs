using Akka.Actor;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Streams;

/// <summary>
/// Binds a GET /mcp stream to its session. <paramref name="Stream"/> is the actor materialized by the stream's source:
/// location-transparent, so the session may live on another node. A newer stream replaces an older one.
/// </summary>
public sealed record AttachStream(string SessionId, IActorRef Stream) : ISessionCommand<StreamBound>;

/// <summary>
/// The stream is bound (<paramref name="Refused"/> null) and <paramref name="Flushed"/> queued or replayed events went to
/// it at once; or the binding was refused, and <paramref name="Refused"/> says why (a Last-Event-ID never sent).
/// <paramref name="FirstEventId"/>: the id the stream owes the client first (0: a call's stream, labelled, not numbered);
/// an event arriving with a higher id means the ones between were lost, and the stream says so with a gap marker when
/// <paramref name="GapWarnings"/> (the session's log level lets warnings through).
/// </summary>
public sealed record StreamBound(int Flushed, long FirstEventId = 0, bool GapWarnings = false, string? Refused = null)
{
    public static StreamBound Refusal(string reason) => new(0, Refused: reason);
}

/// <summary>Queues a server-to-client message for the session's GET stream.</summary>
public sealed record PublishEvent(string SessionId, ServerMessage Message) : IWithSessionId, IEchoMessage;

/// <summary>
/// One server-to-client message on a session stream; <paramref name="Id"/> is unique within the session.
/// A streamed call's events carry a <paramref name="Label"/> instead ("call-N/K": the call's own sequence), so a
/// resumption names its stream; <paramref name="RetryMs"/> adds an SSE retry field; a null
/// <paramref name="Message"/> is a priming event (empty data).
/// </summary>
public sealed record SessionEvent(long Id, ServerMessage? Message, string? Label = null, int? RetryMs = null) : IEchoMessage;
