using Akka;
using Akka.Actor;
using Akka.Cluster;
using Akka.Event;
using Akka.Remote;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// The cluster-mode counterpart of <see cref="SessionRegistry"/>, one per node: creates sessions (fresh id, cluster-wide
/// limit) and routes session messages into the shard region (with a bounded wait for sessions on other nodes), counts the
/// sessions hosted here, and gossips its counters to the other members so that every node answers
/// <see cref="GetRegistryStats"/> with cluster totals and each member's share.
/// </summary>
public sealed class SessionNode : ReceiveActor, IWithTimers
{
    public const string Name = "session-node";
    private const int CreateAttempts = 3;
    private static readonly TimeSpan AnnounceWithin = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);

    private readonly ServerProfile _profile;
    private readonly IActorRef _region;
    private readonly ClusterSessionOptions _options;
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly NodeSessionCounters _counters;
    private readonly MemberTransitions _transitions;
    private readonly LocalShards _local;
    private readonly SessionIds _ids = new();
    private readonly IActorRefProvider _provider = ((ExtendedActorSystem)Context.System).Provider;
    private List<ReplyRelay> _relays = [];
    private List<ReplyRelay> _pending = [];
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public SessionNode(ServerProfile profile, IActorRef region, ClusterSessionOptions options)
    {
        _profile = profile;
        _region = region;
        _options = options;
        _counters = new NodeSessionCounters(_cluster.SelfAddress.ToString());
        _local = new LocalShards(new SessionMessageExtractor(options.Shards), _ids);
        // A dead member's shards restart on a survivor only after the down-removal margin, and the coordinator too when
        // it ran there; regions then retry within a bound.
        _transitions = new MemberTransitions(_cluster.SelfAddress,
            _cluster.DowningProvider.DownRemovalMargin + options.UnreachableAnswerAfter);
        Receive<CreateSession>(create => Create(create, Sender, 1));
        Receive<PendingCreate>(Unanswered);
        Receive<IWithSessionId>(Route);
        Receive<SweepTick>(_ => Sweep());
        Receive<SessionOpened>(opened =>
        {
            _counters.Opened(opened.SessionId);
            _local.Opened(opened.SessionId);
        });
        Receive<SessionClosed>(closed => _counters.Closed(closed));
        Receive<GetRegistryStats>(_ => Sender.Tell(_counters.TotalsByNode()));
        Receive<GetClusterStats>(_ => Sender.Tell(_counters.Snapshot()));
        Receive<NodeSessionStats>(Gossiped);
        Receive<GossipTick>(_ => Gossip());
        Receive<ClusterEvent.IMemberEvent>(Membership);
        Receive<ClusterEvent.IReachabilityEvent>(change => _transitions.Changed(change, DateTime.UtcNow));
        Receive<AnnounceLeaving>(_ => Announce());
        Receive<NodeLeaving>(leaving =>
        {
            _transitions.Leaving(Address.Parse(leaving.Node), DateTime.UtcNow);
            Sender.Tell(leaving);
        });
        Receive<DisassociatedEvent>(lost => _transitions.Disconnected(lost, DateTime.UtcNow));
        Receive<AssociatedEvent>(_transitions.Connected);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ServerProfile profile, IActorRef region, ClusterSessionOptions options) =>
        Akka.Actor.Props.Create(() => new SessionNode(profile, region, options));

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));
        Context.System.EventStream.Subscribe<DisassociatedEvent>(Self);
        Context.System.EventStream.Subscribe<AssociatedEvent>(Self);
        Timers.StartPeriodicTimer("gossip", GossipTick.Instance, _options.GossipInterval);
        Timers.StartPeriodicTimer("sweep", SweepTick.Instance, SweepInterval);
        var self = Self;
        CoordinatedShutdown.Get(Context.System).AddTask(CoordinatedShutdown.PhaseBeforeClusterShutdown, "announce-leaving",
            () => self.Ask<Done>(AnnounceLeaving.Instance, AnnounceWithin).ContinueWith(_ => Done.Instance));
    }

    protected override void PostStop()
    {
        _relays.ForEach(relay => relay.Take());
        _cluster.Unsubscribe(Self);
        Context.System.EventStream.Unsubscribe(Self);
    }

    private void Create(CreateSession create, IActorRef replyTo, int attempt)
    {
        if (attempt == 1 && _counters.Totals.Active >= _profile.MaxSessions)
        {
            _counters.Rejected();
            _log.Warning("Cluster-wide session limit of {0} reached; initialize refused", _profile.MaxSessions);
            replyTo.Tell(new SessionCreation(null, create.ProtocolVersion, _profile.MaxSessions));
            return;
        }
        if (attempt == 1)
        {
            _counters.Created();
        }
        // A fresh id may fall on a shard of a member that is unreachable, leaving or dead without the others knowing yet (it
        // would wait until that member is removed and its shards restart elsewhere), or on a shard not yet allocated,
        // which waits for the coordinator (maybe on that member). The first try, in a settled cluster, lets allocation
        // spread sessions over the members; a retry, or any try while unsettled, takes an id whose shard is hosted here.
        var anywhere = attempt == 1 && !_transitions.Unsettled(DateTime.UtcNow);
        var id = (anywhere ? null : _local.NewSessionId()) ?? _ids.Next();
        Start(new PendingCreate(create, replyTo, attempt, id, DateTime.UtcNow));
    }

    private void Start(PendingCreate pending)
    {
        var (create, id) = (pending.Create, pending.Id);
        var start = new StartSession(id, create.ProtocolVersion, create.Client, DateTime.UtcNow.Ticks, create.Kind);
        var self = Self;
        _region.Ask<object>(start, _options.UnreachableAnswerAfter / CreateAttempts).ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully && t.Result is SessionCreation or SessionUnavailable)
            {
                pending.ReplyTo.Tell(t.Result);
            }
            else
            {
                self.Tell(pending);
            }
        }, TaskScheduler.Default);
    }

    /// <summary>
    /// A start unanswered in time. If a member was lost since it was sent, its shard may be gone: abandon that id (the
    /// start may still arrive and start a session nobody will use) and try one hosted here. In a settled cluster it is only
    /// slow (a cold shard's allocation, a durable store's first write on a loaded host): ask the same id again, which a
    /// started session answers again, while the asker still waits.
    /// </summary>
    private void Unanswered(PendingCreate pending)
    {
        var now = DateTime.UtcNow;
        if (!_transitions.Unsettled(now) && !_transitions.LostSince(pending.Sent)
            && now - pending.Sent + _options.UnreachableAnswerAfter / CreateAttempts < _options.AskTimeout)
        {
            Start(pending);
            return;
        }
        _region.Tell(new AbandonStart(pending.Id));
        if (pending.Attempt < CreateAttempts)
        {
            Create(pending.Create, pending.ReplyTo, pending.Attempt + 1);
        }
        else
        {
            pending.ReplyTo.Tell(new Status.Failure(new AskTimeoutException("No shard answered a new session in time")));
        }
    }

    private void Route(IWithSessionId message)
    {
        if (_local.Hosts(message.SessionId))
        {
            _region.Forward(message);
            return;
        }
        // The member hosting the session may die with this message on its way or unanswered (sharding delivers at most
        // once, and a dead node's sessions answer nothing until its shards restart elsewhere): Sweep bounds the wait.
        if (message is not ISessionCommand command)
        {
            _region.Forward(message);
            return;
        }
        var relay = new ReplyRelay(_provider, Sender, command, DateTime.UtcNow);
        _relays.Add(relay);
        McpTelemetry.ClusterHops.Add(1);
        _region.Tell(message, relay);
    }

    /// <summary>
    /// A request unanswered for <see cref="ClusterSessionOptions.UnreachableAnswerAfter"/> while a member was lost since it
    /// was sent: its session most likely lived there, so "not found" now lets the client re-initialize instead of timing
    /// out. Otherwise the session is just slow in a steady cluster and may still answer until the asker gives up.
    /// </summary>
    private void Sweep()
    {
        var now = DateTime.UtcNow;
        var unsettled = _relays.Count > 0 && _transitions.Unsettled(now);
        foreach (var relay in _relays)
        {
            if (relay.Answered)
            {
                continue;
            }
            var waited = now - relay.Sent;
            if (waited >= _options.UnreachableAnswerAfter && (unsettled || _transitions.LostSince(relay.Sent)))
            {
                relay.Take()?.Tell(LostAnswer(relay.Command));
            }
            else if (waited >= _options.AskTimeout)
            {
                relay.Take();
            }
            else
            {
                _pending.Add(relay);
            }
        }
        (_relays, _pending) = (_pending, _relays);
        _pending.Clear();
    }

    /// <summary>
    /// The answer for a request whose session's node was lost: "not found" when sessions live in memory (it is gone), and
    /// "unavailable" with a durable store, where a survivor recovers it on a later message once the shard has moved.
    /// </summary>
    private IEchoMessage LostAnswer(ISessionCommand command) => _profile.DurableSessions
        ? new SessionUnavailable(command.SessionId, "The node that held this session was lost; this request may or may not have "
            + "taken effect; a surviving node recovers the session from the session store within seconds: retry")
        : command.NotFound();

    private void Gossiped(NodeSessionStats report)
    {
        if (_transitions.Others.Any(m => m.ToString() == report.Node))
        {
            _counters.Peer(report.Node, report.Stats);
        }
    }

    private void Gossip()
    {
        var report = new NodeSessionStats(_counters.Self, _counters.Local);
        foreach (var member in _transitions.Others)
        {
            Context.ActorSelection(new RootActorPath(member) / "user" / Name).Tell(report);
        }
    }

    /// <summary>Before this node's shards are handed off (graceful leave), tell the others and wait for their acks.</summary>
    private void Announce()
    {
        var announcement = new NodeLeaving(_counters.Self);
        var acks = _transitions.Others
            .Select(member => Context.ActorSelection(new RootActorPath(member) / "user" / Name)
                .Ask<NodeLeaving>(announcement, AnnounceWithin * 0.8))
            .ToArray();
        Task.WhenAll(acks).ContinueWith(_ => Done.Instance, TaskScheduler.Default).PipeTo(Sender);
    }

    private void Membership(ClusterEvent.IMemberEvent change)
    {
        _transitions.Changed(change, DateTime.UtcNow);
        if (change is ClusterEvent.MemberRemoved removed)
        {
            _counters.Forget(removed.Member.Address.ToString());
        }
    }

    private sealed record AnnounceLeaving
    {
        public static readonly AnnounceLeaving Instance = new();
    }

    private sealed record GossipTick
    {
        public static readonly GossipTick Instance = new();
    }

    /// <summary>A create's start of <paramref name="Id"/>, first sent at <paramref name="Sent"/>, told back when unanswered.</summary>
    private sealed record PendingCreate(CreateSession Create, IActorRef ReplyTo, int Attempt, string Id, DateTime Sent);

    private sealed record SweepTick
    {
        public static readonly SweepTick Instance = new();
    }
}
