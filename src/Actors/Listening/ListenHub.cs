using Akka.Actor;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Actors.Listening;

/// <summary>
/// This node's open <c>subscriptions/listen</c> streams: acknowledges each as it binds, then passes each change to the
/// streams whose filter asked for it. Death watch forgets a stream when its client goes. In a cluster the change
/// reaches every node's hub through distributed pub-sub (<see cref="Topic"/>), so a stream on one node hears a change
/// made through another.
/// </summary>
public sealed class ListenHub : ReceiveActor
{
    public const string Topic = "mcp-list-changes";

    private readonly Dictionary<IActorRef, Listen> _streams = [];
    private readonly IActorRef? _mediator;

    public ListenHub(IActorRef? mediator)
    {
        _mediator = mediator;
        Receive<Listen>(listen =>
        {
            _streams[listen.Stream] = listen;
            Context.Watch(listen.Stream);
            listen.Stream.Tell(new SessionEvent(0, Subscriptions.Acknowledged(listen.SubscriptionIdJson, listen.Filter)));
        });
        Receive<AnnounceChange>(publish =>
        {
            if (_mediator is null)
            {
                Self.Tell(publish.Change);
            }
            else
            {
                _mediator.Tell(new Akka.Cluster.Tools.PublishSubscribe.Publish(Topic, publish.Change));
            }
        });
        Receive<ListChanged>(change =>
        {
            foreach (var listen in _streams.Values.Where(listen => Subscriptions.Wants(listen.Filter, change)))
            {
                listen.Stream.Tell(new SessionEvent(0, Subscriptions.Notification(listen.SubscriptionIdJson, change)));
            }
        });
        Receive<Terminated>(gone => _streams.Remove(gone.ActorRef));
        Receive<Akka.Cluster.Tools.PublishSubscribe.SubscribeAck>(_ => { });
    }

    /// <param name="mediator">Cluster mode's distributed pub-sub mediator; null on a single node.</param>
    public static Props Props(IActorRef? mediator) => Akka.Actor.Props.Create(() => new ListenHub(mediator));

    /// <summary>In cluster mode the hub hears the changes published through any node, its own included.</summary>
    protected override void PreStart() => _mediator?.Tell(new Akka.Cluster.Tools.PublishSubscribe.Subscribe(Topic, Self));
}
