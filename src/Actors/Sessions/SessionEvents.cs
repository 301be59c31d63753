using System.Collections.Immutable;
using Akka.Actor;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// A session's server-to-client side: the GET stream it is bound to and the log of the last events published, which
/// serves both as the queue of events waiting for a stream (those after <see cref="_delivered"/>) and as what
/// Last-Event-ID replays from. Both drop the oldest past the log's capacity. A session creates one only when it first
/// publishes or is streamed to, so idle sessions stay small. Owned by one actor; not thread-safe.
/// </summary>
internal sealed class SessionEvents(int capacity)
{
    private readonly EventLog _sent = new(capacity);

    // The id of the last event handed to a stream: everything after it is pending.
    private long _delivered;

    public IActorRef? Stream { get; private set; }

    /// <summary>The id of the newest event published (0 before the first).</summary>
    public long LastId => _sent.LastId;

    /// <summary>What a durable store keeps: the events the log holds and the id of the last one a stream had.</summary>
    public (ImmutableArray<SessionEvent> Events, long Delivered) Recorded => ([.. _sent.Held], _delivered);

    /// <summary>A session's events as a store kept them (<see cref="Recorded"/>), with no stream bound.</summary>
    public static SessionEvents Restore(int capacity, ImmutableArray<SessionEvent> events, long delivered)
    {
        var restored = new SessionEvents(capacity);
        foreach (var item in events)
        {
            restored._sent.Append(item);
        }
        restored._delivered = delivered;
        return restored;
    }

    /// <summary>Events published while no stream was bound that the log still holds.</summary>
    public int Pending => (int)Math.Min(_sent.LastId - _delivered, _sent.Count);

    public void Publish(ServerMessage message)
    {
        var item = new SessionEvent(_sent.LastId + 1, message);
        _sent.Append(item);
        if (Stream is not null)
        {
            Stream.Tell(item);
            _delivered = item.Id;
        }
    }

    /// <summary>
    /// Binds a new stream and flushes the pending events into it. The stream owes the client every event after the
    /// last one delivered: when the log no longer holds some of them, the first flushed id says how many were lost.
    /// </summary>
    public StreamBound Attach(IActorRef stream, string? logLevel, IActorContext context) =>
        Replay(stream, _delivered, logLevel, context)!;

    /// <summary>
    /// Binds a resuming stream and replays what the log still holds after <paramref name="lastEventId"/>. Null when
    /// the id was never sent.
    /// </summary>
    public StreamBound Resume(IActorRef stream, long lastEventId, string? logLevel, IActorContext context) =>
        Replay(stream, lastEventId, logLevel, context)
        ?? StreamBound.Refusal($"Last-Event-ID {lastEventId} was never sent on this session's stream (last id: {_sent.LastId})");

    private StreamBound? Replay(IActorRef stream, long after, string? logLevel, IActorContext context)
    {
        if (_sent.After(after) is not { } replay)
        {
            return null;
        }
        Bind(stream, context);
        foreach (var item in replay.Events)
        {
            stream.Tell(item);
        }
        _delivered = _sent.LastId;
        return new StreamBound(replay.Events.Count, after + 1, logLevel is null || LogLevels.Allows(logLevel, StreamGap.Level));
    }

    /// <summary>The bound stream has stopped: later events queue again.</summary>
    public void Gone(IActorRef stream)
    {
        if (stream.Equals(Stream))
        {
            Stream = null;
        }
    }

    /// <summary>Completes the bound stream; unwatched first, so its end is not answered like a request.</summary>
    public void Close(IActorContext context)
    {
        if (Stream is not null)
        {
            context.Unwatch(Stream);
            Stream.Tell(new Status.Success(null));
            Stream = null;
        }
    }

    private void Bind(IActorRef stream, IActorContext context)
    {
        if (Stream is not null && !Stream.Equals(stream))
        {
            Close(context);
        }
        Stream = stream;
        context.Watch(stream);
    }
}
