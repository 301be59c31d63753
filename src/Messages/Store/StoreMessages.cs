using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Messages.Store;

/// <summary>
/// What a durable session store keeps of a session or handle: its whole state and the events its Last-Event-ID replays,
/// written as one journal event (the newest one is the session). <paramref name="Delivered"/>: the id of the last event
/// handed to a stream, so a new stream after a restart gets only what no stream had.
/// </summary>
public sealed record SessionRecorded(SessionState State, ImmutableArray<SessionEvent> Events, long Delivered) : IEchoMessage;

/// <summary>
/// The journal's last word on an ended or expired session: written before its events are deleted, so the one row the
/// journal keeps to remember its sequence number holds nothing of the session's.
/// </summary>
public sealed record SessionErased(long ErasedUtcTicks) : IEchoMessage;

/// <summary>
/// The answer in place of a session command's when the session store cannot be read or written: the command did not
/// take effect (HTTP answers 503 and the client may retry). <paramref name="Reason"/> says what failed.
/// </summary>
public sealed record SessionUnavailable(string SessionId, string Reason) : IWithSessionId, IEchoMessage;

/// <summary>
/// Wakes a session the store holds without counting as a request: it recovers, and expires at once when it has been
/// idle past the session timeout (a store's sessions outlive the process that served them). Told, never answered.
/// </summary>
public sealed record WakeSession(string SessionId) : IWithSessionId, IEchoMessage, Akka.Actor.INotInfluenceReceiveTimeout;

/// <summary>Asks the store's health watcher how the store is; answered by <see cref="StoreHealth"/>.</summary>
public sealed record GetStoreHealth
{
    public static readonly GetStoreHealth Instance = new();
}

/// <summary>The session store's kind (sqlite, postgres) and whether its last probe reached it; <paramref name="Error"/> when not.</summary>
public sealed record StoreHealth(string Kind, bool Available, string? Error, long CheckedUtcTicks);
