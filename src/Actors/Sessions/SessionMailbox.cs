using Akka.Actor;
using Akka.Configuration;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// The mailbox of session actors. Akka's default queue is a ConcurrentQueue whose first segment holds 32 slots
/// (about 0.8 KB) per actor whether or not anything ever queues; a session actor rarely holds more than a message or
/// two, and a server holds many thousands of idle ones. This queue starts empty and locks around a plain queue.
/// </summary>
public sealed class SessionMailbox(Settings settings, Config config) : MailboxType(settings, config),
    IProducesMessageQueue<SessionMailbox.CompactQueue>
{
    /// <summary>Configuration path of the mailbox; hocon/akka.hocon defines it.</summary>
    public const string Id = "akka-mcp-echo.session-mailbox";

    public override IMessageQueue Create(IActorRef owner, ActorSystem system) => new CompactQueue();

    /// <summary>Session props with this mailbox when the system configures it, otherwise Akka's default mailbox.</summary>
    public static Props For(ActorSystem system, Props props) =>
        system.Settings.Config.HasPath(Id) ? props.WithMailbox(Id) : props;

    public sealed class CompactQueue : IMessageQueue, IUnboundedMessageQueueSemantics
    {
        private readonly Queue<Envelope> _queue = new();

        public bool HasMessages
        {
            get
            {
                lock (_queue)
                {
                    return _queue.Count > 0;
                }
            }
        }

        public int Count
        {
            get
            {
                lock (_queue)
                {
                    return _queue.Count;
                }
            }
        }

        public void Enqueue(IActorRef receiver, Envelope envelope)
        {
            lock (_queue)
            {
                _queue.Enqueue(envelope);
            }
        }

        public bool TryDequeue(out Envelope envelope)
        {
            lock (_queue)
            {
                return _queue.TryDequeue(out envelope);
            }
        }

        public void CleanUp(IActorRef owner, IMessageQueue deadletters)
        {
            while (TryDequeue(out var envelope))
            {
                deadletters.Enqueue(owner, envelope);
            }
        }
    }
}
