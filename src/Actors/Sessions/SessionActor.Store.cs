using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// A session's lifetime, and with a durable store (<see cref="Protocol.ServerProfile.DurableSessions"/>) its writes: a
/// blank session looks itself up in the store before it answers anything (so "unknown" means the store has nothing, and a
/// store it cannot read answers "unavailable", never "unknown"); every answer waits until the state it reflects is
/// written; one write is in flight at a time and changes made meanwhile go out together in the next. A failed write
/// answers "unavailable" to what waited on it and rolls the state back to what the store has. With the memory store
/// none of this runs: answers go out at once.
/// </summary>
public sealed partial class SessionActor
{
    private IActorRef? _journal;
    private bool _journalRecovering;
    private bool _lookingUp;
    private bool _lookedUp;
    private bool _shortTimeout;
    private List<(object Message, IActorRef Sender)>? _held;
    private List<PendingAnswer>? _outbox;
    private long _generation;
    private long _saved;
    private long _writing;
    private SessionState? _taggedState;
    private long _taggedEventId;
    private SessionState? _writingState;
    private SessionState? _savedState;

    // Set when this incarnation gave up on the store: what still reaches it is answered "unavailable", not "unknown".
    private SessionUnavailable? _unavailable;

    private void Reply(IActorRef to, object answer)
    {
        if (!_profile.DurableSessions)
        {
            to.Tell(answer);
            return;
        }
        (_outbox ??= []).Add(new PendingAnswer(-1, to, answer));
    }

    private void ReceiveDurably(object message)
    {
        switch (message)
        {
            case JournalRecovered recovered:
                Recovered(recovered.Record);
                return;
            case JournalSaved saved:
                Saved(saved.Generation);
                return;
            case JournalFailed failed:
                Failed(failed.Reason);
                return;
            case Terminated terminated when terminated.ActorRef.Equals(_journal):
                Failed("the session's store writer stopped");
                return;
        }
        if (_lookingUp)
        {
            (_held ??= []).Add((message, Sender));
            return;
        }
        if (_state is null && !_ended && !_lookedUp && message is IWithSessionId and not StartSession)
        {
            LookUp(message);
            return;
        }
        if (_shortTimeout && message is not (ReceiveTimeout or WakeSession))
        {
            _shortTimeout = false;
            SetIdleTimeout(_profile.SessionTimeout);
        }
        if (message is WakeSession && _state is not null)
        {
            return;
        }
        Handle(message);
        Settle();
    }

    /// <summary>A blank session's first message: read the store before answering it (and whatever follows meanwhile).</summary>
    private void LookUp(object message)
    {
        _lookingUp = true;
        (_held ??= []).Add((message, Sender));
        StartJournal();
    }

    private void StartJournal()
    {
        _journal = Context.ActorOf(SessionJournal.Props(_sessionId));
        Context.Watch(_journal);
        _journalRecovering = true;
    }

    private void StopJournal()
    {
        if (_journal is not null)
        {
            Context.Unwatch(_journal);
            Context.Stop(_journal);
            _journal = null;
        }
        _journalRecovering = false;
    }

    private void Recovered(SessionRecorded? record)
    {
        _journalRecovering = false;
        if (!_lookingUp)
        {
            // A journal (re)started to write: what this actor holds is newer than anything it could have read.
            Write();
            return;
        }
        _lookingUp = false;
        if (record is null)
        {
            _lookedUp = true;
            StopJournal();
        }
        else
        {
            Restore(record);
        }
        foreach (var (held, sender) in _held!)
        {
            Self.Tell(held, sender);
        }
        _held = null;
    }

    private void Restore(SessionRecorded record)
    {
        Adopt(record.State);
        _taggedState = _savedState = record.State;
        if (!record.Events.IsEmpty || record.Delivered > 0)
        {
            _events = SessionEvents.Restore(_profile.StreamBufferSize, record.Events, record.Delivered);
        }
        _taggedEventId = _events?.LastId ?? 0;
        _lifecycle?.Tell(new SessionOpened(_sessionId));
        var idle = TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - record.State.LastActivityUtcTicks));
        if (idle >= _profile.SessionTimeout)
        {
            Context.GetLogger().Info("Session {0} expired while no node held it ({1} idle)", _sessionId, idle);
            End(SessionCloseReason.Expired);
            Settle();
            return;
        }
        Context.GetLogger().Debug("Session {0} recovered from the store", _sessionId);
        SetIdleTimeout(_profile.SessionTimeout - idle);
        _shortTimeout = true;
    }

    /// <summary>After a message: what it changed gets a generation, its answers wait for that generation's write.</summary>
    private void Settle()
    {
        var eventId = _events?.LastId ?? 0;
        var changed = _ended
            ? _taggedState is not null
            : _state is not null && (!ReferenceEquals(State, _taggedState) || eventId != _taggedEventId);
        if (changed)
        {
            _generation++;
            (_taggedState, _taggedEventId) = (_ended ? null : _state, eventId);
        }
        if (_outbox is not null)
        {
            for (var i = _outbox.Count - 1; i >= 0 && _outbox[i].Generation < 0; i--)
            {
                _outbox[i] = _outbox[i] with { Generation = _generation };
            }
            Release();
        }
        Write();
    }

    private void Write()
    {
        if (_writing != 0 || _saved >= _generation || _journalRecovering)
        {
            return;
        }
        if (_journal is null)
        {
            StartJournal();
            return;
        }
        _writing = _generation;
        _writingState = _ended ? null : State;
        if (_ended)
        {
            _journal.Tell(new EraseSession(_generation));
            return;
        }
        var (events, delivered) = _events?.Recorded ?? ([], 0);
        _journal.Tell(new SaveSession(new SessionRecorded(State, events, delivered), _generation));
    }

    private void Saved(long generation)
    {
        _saved = Math.Max(_saved, generation);
        _savedState = _writingState;
        _writing = 0;
        if (_ended && _saved >= _generation)
        {
            Release();
            StopJournal();
            Passivate();
            return;
        }
        Release();
        Write();
    }

    /// <summary>Answers whose state is written go out, in the order they were made.</summary>
    private void Release()
    {
        if (_outbox is null)
        {
            return;
        }
        var sent = 0;
        while (sent < _outbox.Count && _outbox[sent].Generation >= 0 && _outbox[sent].Generation <= _saved)
        {
            _outbox[sent].To.Tell(_outbox[sent].Answer);
            sent++;
        }
        _outbox.RemoveRange(0, sent);
    }

    private void Failed(string reason)
    {
        Context.GetLogger().Warning("Session {0}: the session store failed: {1}", _sessionId, reason);
        StopJournal();
        _writing = 0;
        var unavailable = new SessionUnavailable(_sessionId, "The session store is unavailable: " + reason);
        foreach (var (held, sender) in _held ?? [])
        {
            if (held is ISessionCommand or StartSession)
            {
                sender.Tell(unavailable);
            }
        }
        foreach (var pending in _outbox ?? [])
        {
            pending.To.Tell(unavailable);
        }
        (_held, _outbox) = (null, null);
        _generation = _saved;
        if (_lookingUp || _ended || _savedState is null)
        {
            // Nothing here is the store's: this incarnation goes, and the next message reads the store again.
            _lookingUp = false;
            _ended = true;
            _closed = true;
            _taggedState = null;
            _unavailable = unavailable;
            SetIdleTimeout(null);
            Passivate();
            return;
        }
        Adopt(_savedState);
        _taggedState = _savedState;
        _taggedEventId = _events?.LastId ?? 0;
    }

    /// <summary>An answer waiting for the write of <paramref name="Generation"/> (-1: the current message's, not yet known).</summary>
    private sealed record PendingAnswer(long Generation, IActorRef To, object Answer);
}
