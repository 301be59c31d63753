using Akka.Actor;
using Akka.Event;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// Dormancy (single node, memory store): a quiet session's actor stops and its state waits in the registry, so an idle
/// session costs a few hundred bytes instead of an actor. Expiry stays <c>MCP_SESSION_TIMEOUT</c> after the last message.
/// </summary>
public sealed partial class SessionActor
{
    private long _lastMessageTicks;

    private TimeSpan FirstTimeout => _dormancy ? _profile.DormantAfter : _profile.SessionTimeout;

    private void Idle()
    {
        var idle = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - _lastMessageTicks);
        if (!_dormancy || idle >= _profile.SessionTimeout)
        {
            Context.GetLogger().Info("Session {0} expired after {1} idle", _sessionId, _profile.SessionTimeout);
            End(SessionCloseReason.Expired);
        }
        else if (Quiet)
        {
            Context.Parent.Tell(SessionQuiet.Instance);
        }
        else
        {
            SetIdleTimeout(_profile.SessionTimeout - idle);
        }
    }

    /// <summary>Nothing that lives only in an actor: no stream attached, no call running.</summary>
    private bool Quiet => _events?.Stream is null && (_runs?.Count ?? 0) == 0;

    private void DozeOff()
    {
        if (!Quiet || _ended)
        {
            Context.Parent.Tell(StayAwake.Instance);
            return;
        }
        SetIdleTimeout(null);
        Context.Parent.Tell(new Dozed(new DormantSession(State, _events, _runs, _traffic)));
        // Not a close: the session lives on in the registry, and PostStop must not report it lost.
        _closed = true;
        Context.Stop(Self);
    }

    private void WakeUp(Wake wake)
    {
        Adopt(wake.Session.State);
        (_events, _runs, _traffic) = (wake.Session.Events, wake.Session.Runs, wake.Session.Traffic);
        SetIdleTimeout(FirstTimeout);
    }
}
