using Akka.Actor;
using Akka.Persistence;
using AkkaMcpEcho.Messages.Store;

namespace AkkaMcpEcho.Actors.Store;

/// <summary>
/// A durable session's writer, the child of its <see cref="Sessions.SessionActor"/>: recovers the newest
/// <see cref="SessionRecorded"/> from the journal and tells its parent, then writes what the parent hands it, one write
/// at a time. Every event holds the whole session, so older ones are deleted every <see cref="CompactEvery"/> writes and
/// recovery reads a handful of rows. Any failure is told to the parent, and the journal stops this actor (Akka.Persistence
/// does on a failed write or recovery); the parent starts a new one when it next needs the store.
/// </summary>
public sealed class SessionJournal : UntypedPersistentActor
{
    /// <summary>Writes between two deletions of the events before the newest.</summary>
    public const int CompactEvery = 16;

    private SessionRecorded? _recovered;
    private long _erasing;

    public SessionJournal(string sessionId) => PersistenceId = PersistenceIdOf(sessionId);

    public override string PersistenceId { get; }

    public static Props Props(string sessionId) => Akka.Actor.Props.Create(() => new SessionJournal(sessionId));

    /// <summary>What every session's persistence id starts with; the session id follows.</summary>
    public const string Prefix = "session-";

    public static string PersistenceIdOf(string sessionId) => Prefix + sessionId;

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SessionRecorded recorded:
                _recovered = recorded;
                break;
            case SessionErased:
                _recovered = null;
                break;
            case RecoveryCompleted:
                Context.Parent.Tell(new JournalRecovered(_recovered));
                _recovered = null;
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case SaveSession save:
                Persist(save.Record, _ =>
                {
                    Context.Parent.Tell(new JournalSaved(save.Generation));
                    if (LastSequenceNr % CompactEvery == 0)
                    {
                        DeleteMessages(LastSequenceNr - 1);
                    }
                });
                break;
            case EraseSession erase when LastSequenceNr == 0:
                Context.Parent.Tell(new JournalSaved(erase.Generation));
                break;
            case EraseSession erase:
                Persist(new SessionErased(DateTime.UtcNow.Ticks), _ =>
                {
                    _erasing = erase.Generation;
                    DeleteMessages(LastSequenceNr);
                });
                break;
            case DeleteMessagesSuccess when _erasing > 0:
                Context.Parent.Tell(new JournalSaved(_erasing));
                break;
            case DeleteMessagesFailure failure when _erasing > 0:
                Context.Parent.Tell(new JournalFailed(Describe(failure.Cause)));
                Context.Stop(Self);
                break;
            case DeleteMessagesSuccess:
            case DeleteMessagesFailure:
                // A compaction: the rows stay until the next one succeeds; nothing is lost.
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        Context.Parent.Tell(new JournalFailed(Describe(reason)));
        base.OnRecoveryFailure(reason, message);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Context.Parent.Tell(new JournalFailed(Describe(cause)));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Context.Parent.Tell(new JournalFailed(Describe(cause)));
        base.OnPersistRejected(cause, @event, sequenceNr);
        Context.Stop(Self);
    }

    /// <summary>The innermost cause's message: the driver's own words (connection refused, disk full).</summary>
    public static string Describe(Exception error)
    {
        var inner = error;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return inner == error ? error.Message : $"{error.Message} ({inner.Message})";
    }
}

/// <summary>Write <paramref name="Record"/>; answered <see cref="JournalSaved"/> with <paramref name="Generation"/>.</summary>
internal sealed record SaveSession(SessionRecorded Record, long Generation);

/// <summary>Delete the session's events (it ended or expired); answered <see cref="JournalSaved"/> once gone.</summary>
internal sealed record EraseSession(long Generation);

/// <summary>Recovery is over: the session as last written, or null when the store has none (never, or erased).</summary>
internal sealed record JournalRecovered(SessionRecorded? Record);

/// <summary>The write of <paramref name="Generation"/> is durable.</summary>
internal sealed record JournalSaved(long Generation);

/// <summary>The store failed (recovery, a write or a deletion); the journal actor stops.</summary>
internal sealed record JournalFailed(string Reason);
