using Akka.Actor;
using Akka.Cluster.Sharding;
using AkkaMcpEcho.Actors.Telemetry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>How a session ends: its close is reported once (lifecycle listeners, telemetry), and without a durable store it passivates.</summary>
public sealed partial class SessionActor
{
    private void End(SessionCloseReason reason)
    {
        ReportClosed(reason);
        _events?.Close(Context);
        SetIdleTimeout(null);
        _ended = true;
        if (!_profile.DurableSessions)
        {
            Passivate();
        }
    }

    protected override void PostStop()
    {
        CancelIdleTimer();
        ReportClosed(SessionCloseReason.Lost);
    }

    private void ReportClosed(SessionCloseReason reason)
    {
        if (_state is not null && !_closed)
        {
            _closed = true;
            var lifetime = TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - _state.CreatedUtcTicks));
            _lifecycle?.Tell(new SessionClosed(_sessionId, reason, lifetime));
            SessionTelemetry.Closed(_state.Kind, lifetime);
        }
    }

    private void Passivate() => Context.Parent.Tell(new Passivate(PoisonPill.Instance));
}
