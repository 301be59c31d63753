using Akka.Actor;
using AkkaMcpEcho.Actors.Telemetry;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// With dormancy, a 2025 session starts as plain state here, as a dormant one waits, and gets an actor only when a
/// message needs one: <c>notifications/initialized</c>, ping, tools/list and DELETE are answered here, and recorded
/// exchanges kept, as the actor would.
/// Creating and stopping an actor was most of a short session's cost (benchmarks/PROFILE.md, section 7).
/// </summary>
public sealed partial class SessionRegistry
{
    private bool StartedPlain(StartSession start)
    {
        if (!_profile.Dormancy || start.Kind != SessionKind.Session)
        {
            return false;
        }
        _dormant.Started(SessionState.Start(start));
        SessionTelemetry.Opened(start.Kind);
        Sender.Tell(new SessionCreation(start.SessionId, start.ProtocolVersion));
        return true;
    }

    /// <summary>Answers <paramref name="message"/> from the session's plain state; false when it needs the session's actor.</summary>
    private bool AnsweredPlain(IWithSessionId message)
    {
        if (message is not (TouchSession or EndSession or RecordExchange) || _dormant.Plain(message.SessionId) is not { } state)
        {
            return false;
        }
        var now = DateTime.UtcNow.Ticks;
        if (message is RecordExchange record)
        {
            _dormant.Record(record.SessionId, record.Records, now);
            return true;
        }
        if (message is EndSession end)
        {
            _dormant.Take(end.SessionId);
            var lifetime = Math.Max(0, now - state.CreatedUtcTicks);
            Sender.Tell(end.Answer(new SessionEnded(lifetime)));
            SessionTelemetry.Closed(state.Kind, TimeSpan.FromTicks(lifetime));
            Finished(end.SessionId, now);
            _ended++;
            return true;
        }
        // A session's own fault rules (injectFault) are the actor's to apply.
        if (!state.Faults.IsEmpty)
        {
            return false;
        }
        var touch = (TouchSession)message;
        var toolsChanged = touch.Method == "tools/list" && state.ToolsChanged;
        var touched = state.Touched(now);
        _dormant.Update(toolsChanged ? touched with { ToolsChanged = false } : touched, now);
        Sender.Tell(touch.Answer(new SessionTouched(state.ProtocolVersion, toolsChanged)));
        return true;
    }
}
