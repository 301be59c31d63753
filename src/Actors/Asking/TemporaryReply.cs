using Akka.Actor;

namespace AkkaMcpEcho.Actors.Asking;

/// <summary>
/// The sender of a request that waits for one answer outside any actor. Like Akka's own promise reference, but it
/// registers as a temporary actor only when something asks for its path (remoting does, to send the answer back from
/// another node); a local answer, the common case, finds it without the registration and its removal.
/// Thread-safe: answered from any thread.
/// </summary>
public abstract class TemporaryReply(IActorRefProvider provider) : MinimalActorRef
{
    private readonly object _gate = new();
    private ActorPath? _path;
    private bool _closed;

    public override IActorRefProvider Provider => provider;

    public override ActorPath Path
    {
        get
        {
            lock (_gate)
            {
                if (_path is null)
                {
                    _path = provider.TempPath();
                    if (!_closed)
                    {
                        provider.RegisterTempActor(this, _path);
                    }
                }
                return _path;
            }
        }
    }

    /// <summary>No more answers by path: unregisters the temporary actor if one was registered.</summary>
    protected void Close()
    {
        lock (_gate)
        {
            _closed = true;
            if (_path is not null)
            {
                provider.UnregisterTempActor(_path);
            }
        }
    }
}
