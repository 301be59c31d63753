using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using AkkaMcpEcho.Actors.Telemetry;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// Single-node session owner: creates one <see cref="SessionActor"/> per session id (with dormancy, only once a message
/// needs one: until then, and while dormant, a session is plain state here), routes messages to it, enforces the session
/// limit and counts sessions. Learns of an actor's end by death watch.
/// </summary>
public sealed partial class SessionRegistry : ReceiveActor, IWithTimers
{
    private readonly ServerProfile _profile;
    private readonly Dictionary<string, IActorRef> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = [];
    private readonly HashSet<string> _endedByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _createdUtcTicks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(IWithSessionId Message, IActorRef Sender)>> _stopping = new(StringComparer.Ordinal);
    private readonly DormantSessions _dormant;
    private readonly SessionIds _newIds = new();
    private readonly Props _sessionProps;
    private readonly long _startedUtcTicks = DateTime.UtcNow.Ticks;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private long _created;
    private long _expired;
    private long _ended;
    private long _rejected;
    private long _lastExpiredUtcTicks;
    private long _finishedLifetimeTicks;

    public SessionRegistry(ServerProfile profile)
    {
        _profile = profile;
        _dormant = new DormantSessions(profile);
        // Built once: every session of this registry has the same Props (its name is its id).
        _sessionProps = SessionMailbox.For(Context.System,
            SessionActor.NamedProps(profile, Self, profile.DurableSessions ? Self : null, dormancy: true));
        Receive<CreateSession>(Create);
        Receive<SessionQuiet>(_ => Quiet());
        Receive<Dozed>(Dozed);
        Receive<StayAwake>(_ => StayAwake());
        Receive<SweepDormantTick>(_ => SweepDormant());
        Receive<IWithSessionId>(Route);
        Receive<Passivate>(Passivating);
        Receive<Terminated>(Gone);
        Receive<GetRegistryStats>(_ => Sender.Tell(Stats()));
        // Durable store only: a session recovered from the store counts as active from now on.
        Receive<SessionOpened>(opened => { _createdUtcTicks.TryAdd(opened.SessionId, DateTime.UtcNow.Ticks); });
        Receive<SessionClosed>(_ => { });
    }

    public static Props Props(ServerProfile profile) => Akka.Actor.Props.Create(() => new SessionRegistry(profile));

    protected override void PreStart()
    {
        if (_profile.Dormancy)
        {
            Timers.StartPeriodicTimer(SweepDormantTick.Instance, SweepDormantTick.Instance, _dormant.SweepEvery);
        }
    }

    /// <summary>Active sessions: those with an actor, those handing over, and the dormant.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private int Active => _sessions.Count + _dormant.Count;

    /// <summary>A failing session keeps its state: tools never throw, so anything that does is a bug to log, not a reset.</summary>
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_ => Directive.Resume);

    private void Create(CreateSession create)
    {
        if (Active >= _profile.MaxSessions)
        {
            _rejected++;
            _log.Warning("Session limit of {0} reached; initialize refused", _profile.MaxSessions);
            Sender.Tell(new SessionCreation(null, create.ProtocolVersion, _profile.MaxSessions));
            return;
        }
        var id = _newIds.Next();
        _created++;
        var now = DateTime.UtcNow.Ticks;
        _createdUtcTicks[id] = now;
        var start = new StartSession(id, create.ProtocolVersion, create.Client, now, create.Kind);
        if (StartedPlain(start))
        {
            return;
        }
        Spawn(id).Forward(start);
    }

    private IActorRef Spawn(string id)
    {
        var session = Context.ActorOf(_sessionProps, id);
        Context.Watch(session);
        _sessions[id] = session;
        _ids[session] = id;
        return session;
    }

    private void Route(IWithSessionId message)
    {
        if (_dormant.Waiting(message.SessionId) is { } handingOver)
        {
            // Handing over, or still stopping after it: the message waits for the session's state.
            handingOver.Add((message, Sender));
            return;
        }
        if (AnsweredPlain(message))
        {
            return;
        }
        var session = _dormant.Take(message.SessionId) is { } asleep ? Wake(message.SessionId, asleep) : null;
        if (session is null && !_sessions.TryGetValue(message.SessionId, out session) && _profile.DurableSessions)
        {
            // The store may hold it (a restart, an expiry the store outlived): a session actor looks it up. While an
            // earlier incarnation stops, its name is taken: messages wait for it to go.
            if (_stopping.TryGetValue(message.SessionId, out var waiting))
            {
                waiting.Add((message, Sender));
                return;
            }
            session = Spawn(message.SessionId);
        }
        if (session is null)
        {
            if (message is ISessionCommand command)
            {
                Sender.Tell(command.NotFound());
            }
            return;
        }
        if (message is EndSession)
        {
            // Stop routing before the session confirms: a client that has its SessionEnded must find the place free
            // and the id unknown, whatever the order in which the session's Passivate and its next request arrive.
            _sessions.Remove(message.SessionId);
            _endedByClient.Add(message.SessionId);
        }
        session.Forward(message);
    }

    /// <summary>
    /// The local stand-in for a shard: stop routing to the session at once, then hand it its stop message,
    /// which queues behind anything already in its mailbox.
    /// </summary>
    private void Passivating(Passivate passivate)
    {
        if (_ids.TryGetValue(Sender, out var id))
        {
            _sessions.Remove(id);
            if (_profile.DurableSessions)
            {
                _stopping.TryAdd(id, []);
            }
        }
        Sender.Tell(passivate.StopMessage);
    }

    private void Gone(Terminated terminated)
    {
        if (!_ids.Remove(terminated.ActorRef, out var id))
        {
            return;
        }
        if (_dormant.Stopped(id) is { } arrived)
        {
            // A dormant session's actor has gone: what came for it meanwhile wakes it.
            if (arrived.Count > 0 && _dormant.Take(id) is { } asleep)
            {
                Deliver(Wake(id, asleep), arrived);
            }
            return;
        }
        _sessions.Remove(id);
        if (_stopping.Remove(id, out var waiting) && waiting.Count > 0)
        {
            Deliver(Spawn(id), waiting);
        }
        var now = DateTime.UtcNow.Ticks;
        if (!Finished(id, now) && _profile.DurableSessions)
        {
            // A look-up that found nothing in the store: never a session here.
            _endedByClient.Remove(id);
            return;
        }
        if (_endedByClient.Remove(id))
        {
            _ended++;
        }
        else
        {
            CountExpired(now);
        }
    }

    /// <summary>Adds a finished session's lifetime; false when the registry never counted it as created.</summary>
    private bool Finished(string id, long now)
    {
        if (!_createdUtcTicks.Remove(id, out var created))
        {
            return false;
        }
        _finishedLifetimeTicks += Math.Max(0, now - created);
        return true;
    }

    private void CountExpired(long now)
    {
        _expired++;
        _lastExpiredUtcTicks = now;
    }

    private static void Deliver(IActorRef session, List<(IWithSessionId Message, IActorRef Sender)> waiting) =>
        waiting.ForEach(w => session.Tell(w.Message, w.Sender));

    /// <summary>A quiet session offers to go dormant: stop routing to it, and let it decide behind what is already queued.</summary>
    private void Quiet()
    {
        if (_ids.TryGetValue(Sender, out var id) && _sessions.Remove(id))
        {
            _dormant.HandingOver(id);
            Sender.Tell(Doze.Instance);
        }
    }

    private void Dozed(Dozed dozed)
    {
        if (_ids.TryGetValue(Sender, out var id))
        {
            _dormant.Asleep(id, dozed.Session);
        }
    }

    /// <summary>Something reached the session before it could doze: route to it again, what waited first.</summary>
    private void StayAwake()
    {
        if (_ids.TryGetValue(Sender, out var id) && _dormant.Awake(id) is { } waiting)
        {
            _sessions[id] = Sender;
            Deliver(Sender, waiting);
        }
    }

    private IActorRef Wake(string id, DormantSession asleep)
    {
        var session = Spawn(id);
        session.Tell(new Wake(asleep));
        return session;
    }

    private void SweepDormant()
    {
        var now = DateTime.UtcNow.Ticks;
        foreach (var (id, asleep) in _dormant.Expired(now))
        {
            _log.Info("Session {0} expired after {1} idle", id, _profile.SessionTimeout);
            SessionTelemetry.Closed(asleep.State.Kind, TimeSpan.FromTicks(Math.Max(0, now - asleep.State.CreatedUtcTicks)));
            Finished(id, now);
            CountExpired(now);
        }
    }

    private sealed class SweepDormantTick
    {
        public static readonly SweepDormantTick Instance = new();
    }

    private RegistryStats Stats() =>
        new(Active, _created, _expired, _ended, _rejected, _startedUtcTicks, _lastExpiredUtcTicks, _finishedLifetimeTicks);
}
