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
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// The cluster-mode counterpart of <see cref="SessionRegistry"/>, one per node: creates sessions (fresh id, cluster-wide
/// limit) and routes session messages into the shard region, counts the sessions hosted here, and gossips its counters to
/// the other members so that every node answers <see cref="GetRegistryStats"/> with cluster totals and each member's share.
/// </summary>
public sealed class SessionNode : ReceiveActor, IWithTimers
{
    public const string Name = "session-node";
    private const int CreateAttempts = 3;
    private static readonly TimeSpan AnnounceWithin = TimeSpan.FromSeconds(3);

    private readonly ServerProfile _profile;
    private readonly IActorRef _region;
    private readonly ClusterSessionOptions _options;
    private readonly Cluster _cluster = Cluster.Get(Context.System);
    private readonly NodeSessionCounters _counters;
    private readonly MemberTransitions _transitions;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public SessionNode(ServerProfile profile, IActorRef region, ClusterSessionOptions options)
    {
        _profile = profile;
        _region = region;
        _options = options;
        _counters = new NodeSessionCounters(_cluster.SelfAddress.ToString());
        _transitions = new MemberTransitions(_cluster.SelfAddress, options.UnreachableAnswerAfter * 2);
        Receive<CreateSession>(create => Create(create, Sender, 1));
        Receive<RetryCreate>(retry => Create(retry.Create, retry.ReplyTo, retry.Attempt));
        Receive<IWithSessionId>(Route);
        Receive<SessionOpened>(opened => _counters.Opened(opened.SessionId));
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
            _transitions.Leaving(Address.Parse(leaving.Node));
            Sender.Tell(leaving);
        });
        Receive<DisassociatedEvent>(_transitions.Disconnected);
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
        var self = Self;
        CoordinatedShutdown.Get(Context.System).AddTask(CoordinatedShutdown.PhaseBeforeClusterShutdown, "announce-leaving",
            () => self.Ask<Done>(AnnounceLeaving.Instance, AnnounceWithin).ContinueWith(_ => Done.Instance));
    }

    protected override void PostStop()
    {
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
        var start = new StartSession(SessionIds.New(), create.ProtocolVersion, create.Client, DateTime.UtcNow.Ticks);
        if (!_transitions.Unsettled(DateTime.UtcNow))
        {
            _region.Tell(start, replyTo);
            return;
        }
        // A fresh id may fall on a shard of an unreachable or leaving node, where it would wait until that node is downed:
        // try another id instead of letting the client time out.
        var self = Self;
        _region.Ask<SessionCreation>(start, _options.UnreachableAnswerAfter / CreateAttempts).ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                replyTo.Tell(t.Result);
            }
            else if (attempt < CreateAttempts)
            {
                self.Tell(new RetryCreate(create, replyTo, attempt + 1));
            }
            else
            {
                replyTo.Tell(new Status.Failure(new AskTimeoutException("No shard answered while a member is unreachable or leaving")));
            }
        }, TaskScheduler.Default);
    }

    private void Route(IWithSessionId message)
    {
        if (!_transitions.Unsettled(DateTime.UtcNow))
        {
            _region.Forward(message);
            return;
        }
        // While a member is unreachable or leaving, a session that lived there cannot answer (until the member is downed
        // or gone and its shards restart blank elsewhere), and a message in flight during a hand-off may be dropped:
        // answer "not found" in time, so the client re-initializes instead of timing out.
        if (message is not ISessionCommand command)
        {
            _region.Forward(message);
            return;
        }
        _region.Ask<IEchoMessage>(command, _options.UnreachableAnswerAfter)
            .PipeTo(Sender, success: answer => answer, failure: _ => command.NotFound());
    }

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

    /// <summary>Another id for a create whose first id did not answer while a member was unreachable.</summary>
    private sealed record RetryCreate(CreateSession Create, IActorRef ReplyTo, int Attempt);
}
