using Akka.Actor;
using AkkaMcpEcho.Actors.Asking;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// The sender of a request that <see cref="SessionNode"/> routes to a session on another node: passes the first answer on
/// to the asker, and lets the node answer in the session's stead when none comes in time (<see cref="Take"/>). An ask per
/// request would do the same with a timer, a task and a thread hop each (twice the CPU of a plain forward, measured);
/// the node sweeps its relays on one timer instead. Registers as a temporary actor when remoting asks for its path
/// (<see cref="TemporaryReply"/>), so that the remote session's answer finds it.
/// Thread-safe: answered from any thread, swept by the node.
/// </summary>
internal sealed class ReplyRelay(IActorRefProvider provider, IActorRef asker, ISessionCommand command, DateTime sent)
    : TemporaryReply(provider)
{
    private IActorRef? _asker = asker;

    public ISessionCommand Command => command;

    public DateTime Sent => sent;

    public bool Answered => Volatile.Read(ref _asker) is null;

    /// <summary>The asker, for the caller to answer, if no answer has come yet; from now on answers are dropped.</summary>
    public IActorRef? Take()
    {
        var asker = Interlocked.Exchange(ref _asker, null);
        if (asker is not null)
        {
            Close();
        }
        return asker;
    }

    protected override void TellInternal(object message, IActorRef sender) => Take()?.Tell(message, sender);
}
