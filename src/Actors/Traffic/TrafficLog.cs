using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Actors.Traffic;

/// <summary>
/// This node's recent exchanges (every session's, and those of no session), for the traffic page and its exports, and
/// the live feeds of the pages open on this node. In a cluster, a page on any node sees every node: a query gathers
/// every member's log, and while a page watches here this log hears every node's new exchanges through distributed
/// pub-sub (and publishes its own only while someone somewhere listens).
/// </summary>
public sealed class TrafficLog : ReceiveActor, IWithTimers
{
    public const string Name = "traffic-log";
    private const string Topic = "mcp-traffic";
    private static readonly TimeSpan GatherWithin = TimeSpan.FromSeconds(2);

    /// <summary>How long a session's exchanges wait to travel to its entity together (one message, not one per exchange).</summary>
    private static readonly TimeSpan SessionBatch = TimeSpan.FromMilliseconds(100);

    public ITimerScheduler Timers { get; set; } = null!;

    private readonly TrafficRing _ring;
    private readonly IActorRef? _sessions;

    private readonly Dictionary<string, List<ExchangeRecord>> _toSessions = new(StringComparer.Ordinal);
    private readonly IActorRef? _mediator;
    private readonly Func<IEnumerable<Address>> _others;
    private readonly HashSet<IActorRef> _feeds = [];

    /// <param name="sessions">What routes a message to a session's entity (none: sessions keep no exchanges).</param>
    /// <param name="others">The other members of the cluster (none on a single node).</param>
    public TrafficLog(TrafficBounds bounds, IActorRef? sessions, IActorRef? mediator, Func<IEnumerable<Address>> others)
    {
        _ring = new TrafficRing(bounds.Exchanges, bounds.Bytes);
        _sessions = sessions;
        _mediator = mediator;
        _others = others;
        Receive<RecordTraffic>(record =>
        {
            if (record.Record.End != ExchangeRecord.Open)
            {
                _ring.Add(record.Record);
                ToSession(record.Record);
            }
            if (_mediator is null)
            {
                Feed(record.Record);
            }
            else
            {
                _mediator.Tell(new Publish(Topic, new TrafficSeen(record.Record)));
            }
        });
        Receive<TrafficSeen>(seen => Feed(seen.Record));
        Receive<FlushSessions>(_ => FlushToSessions());
        Receive<GetTraffic>(Query);
        Receive<WatchTraffic>(watch =>
        {
            if (_feeds.Count == 0)
            {
                _mediator?.Tell(new Subscribe(Topic, Self));
            }
            _feeds.Add(watch.Feed);
            Context.Watch(watch.Feed);
        });
        Receive<Terminated>(gone =>
        {
            if (_feeds.Remove(gone.ActorRef) && _feeds.Count == 0)
            {
                _mediator?.Tell(new Unsubscribe(Topic, Self));
            }
        });
        Receive<SubscribeAck>(_ => { });
        Receive<UnsubscribeAck>(_ => { });
    }

    public static Props Props(TrafficBounds bounds, IActorRef? sessions, IActorRef? mediator, Func<IEnumerable<Address>> others) =>
        Akka.Actor.Props.Create(() => new TrafficLog(bounds, sessions, mediator, others));

    /// <summary>
    /// What a session's ring keeps (<see cref="SessionRings.Keeps"/>) goes in a batch per session, so a busy session
    /// costs its entity one message per batch, not one per exchange.
    /// </summary>
    private void ToSession(ExchangeRecord record)
    {
        if (_sessions is null || record.Session is not { } session || !SessionRings.Keeps(record))
        {
            return;
        }
        if (_toSessions.Count == 0)
        {
            Timers.StartSingleTimer(FlushSessions.Instance, FlushSessions.Instance, SessionBatch);
        }
        if (!_toSessions.TryGetValue(session, out var batch))
        {
            _toSessions[session] = batch = [];
        }
        batch.Add(record);
    }

    private void FlushToSessions()
    {
        foreach (var (session, batch) in _toSessions)
        {
            _sessions!.Tell(new RecordExchange(session, [.. batch]));
        }
        _toSessions.Clear();
    }

    private sealed class FlushSessions
    {
        public static readonly FlushSessions Instance = new();
    }

    private void Feed(ExchangeRecord record)
    {
        foreach (var feed in _feeds)
        {
            feed.Tell(record);
        }
    }

    private void Query(GetTraffic query)
    {
        var local = new TrafficSlice(_ring.Newest(query.Limit, query.Session), _ring.Evicted);
        var others = query.AllNodes ? _others().ToArray() : [];
        if (others.Length == 0)
        {
            Sender.Tell(local);
            return;
        }
        var asks = others.Select(member => Context.ActorSelection(new RootActorPath(member) / "user" / Name)
            .Ask<TrafficSlice>(query with { AllNodes = false }, GatherWithin)
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : new TrafficSlice([], 0), TaskScheduler.Default));
        Task.WhenAll(asks).ContinueWith(t => Merge([local, .. t.Result], query.Limit), TaskScheduler.Default).PipeTo(Sender);
    }

    private static TrafficSlice Merge(IEnumerable<TrafficSlice> slices, int limit)
    {
        var all = slices.ToArray();
        var newest = all.SelectMany(s => s.Exchanges).OrderBy(r => r.StartedUtcTicks).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        return new TrafficSlice([.. newest.Skip(Math.Max(0, newest.Length - limit))], all.Sum(s => s.Evicted));
    }

    /// <summary>An exchange recorded on some node, for the feeds of this one.</summary>
    public sealed record TrafficSeen(ExchangeRecord Record) : Messages.IEchoMessage;
}
