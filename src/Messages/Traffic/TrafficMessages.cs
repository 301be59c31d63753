using System.Collections.Immutable;
using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Traffic;

/// <summary>
/// Exchanges of a session or handle, oldest first, for the ring its entity keeps (the exchanges stay with the session,
/// on whatever node it lives). The node's traffic log sends them in batches. Told, never answered; not activity.
/// </summary>
public sealed record RecordExchange(string SessionId, ImmutableArray<ExchangeRecord> Records)
    : IWithSessionId, IEchoMessage, INotInfluenceReceiveTimeout;

/// <summary>The exchanges a session's (or handle's) entity holds, oldest first, and its state now; not activity.</summary>
public sealed record GetSessionTraffic(string SessionId) : ISessionCommand<SessionTraffic>, INotInfluenceReceiveTimeout;

public sealed record SessionTraffic(ImmutableArray<ExchangeRecord> Exchanges, int Evicted, SessionState State);

/// <summary>To this node's traffic log: an exchange that went through this node.</summary>
public sealed record RecordTraffic(ExchangeRecord Record) : IEchoMessage;

/// <summary>
/// The exchanges the traffic logs hold, newest <paramref name="Limit"/> at most, oldest first; <paramref name="AllNodes"/>:
/// every member's log (cluster mode), otherwise this node's; <paramref name="Session"/>: that session's or handle's only.
/// Answered by <see cref="TrafficSlice"/>.
/// </summary>
public sealed record GetTraffic(int Limit, bool AllNodes, string? Session = null) : IEchoMessage;

/// <param name="Evicted">Exchanges these logs dropped to stay within their bounds since they started.</param>
public sealed record TrafficSlice(ImmutableArray<ExchangeRecord> Exchanges, long Evicted) : IEchoMessage;

/// <summary>Binds a live feed (a traffic page's SSE stream) to this node's log: it gets every new exchange of every node.</summary>
public sealed record WatchTraffic(IActorRef Feed) : IEchoMessage;
