using Akka.Actor;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// A session's server-to-client side: the GET stream it is bound to, the events queued while none is, and the log of
/// sent events that Last-Event-ID replays from. A session creates one only when it first publishes or is streamed to,
/// so idle sessions stay small. Owned by one actor; not thread-safe.
/// </summary>
internal sealed class SessionEvents(int capacity)
{
    private readonly SessionOutbox _outbox = new(capacity);
    private readonly EventLog _sent = new(capacity);
    private long _lastEventId;

    public IActorRef? Stream { get; private set; }

    public int Pending => _outbox.Count;

    public void Publish(string json)
    {
        var item = new SessionEvent(++_lastEventId, json);
        _sent.Append(item);
        if (Stream is null)
        {
            _outbox.Enqueue(item);
        }
        else
        {
            Stream.Tell(item);
        }
    }

    /// <summary>Binds a new stream and flushes the queue into it; returns how many events it flushed.</summary>
    public int Attach(IActorRef stream, IActorContext context)
    {
        Bind(stream, context);
        var queued = _outbox.Drain();
        foreach (var item in queued)
        {
            stream.Tell(item);
        }
        return queued.Count;
    }

    /// <summary>
    /// Binds a resuming stream and replays what the log still holds after <paramref name="lastEventId"/> (after a gap
    /// marker when some is lost). Null when the id was never sent; otherwise the number of events replayed.
    /// </summary>
    public int? Resume(IActorRef stream, long lastEventId, string? logLevel, IActorContext context)
    {
        if (_sent.After(lastEventId) is not { } replay)
        {
            return null;
        }
        Bind(stream, context);
        _outbox.Drain();
        if (replay.Lost > 0 && (logLevel is null || LogLevels.Allows(logLevel, StreamGap.Level)))
        {
            stream.Tell(new SessionEvent(0, StreamGap.Marker(lastEventId, replay.Lost)));
        }
        foreach (var item in replay.Events)
        {
            stream.Tell(item);
        }
        return replay.Events.Count;
    }

    public string NeverSent(long lastEventId) =>
        $"Last-Event-ID {lastEventId} was never sent on this session's stream (last id: {_sent.LastId})";

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
