using Akka.Actor;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// A session's receive timeout, kept by the session itself. Akka's own cancels and schedules a timer after every message
/// (a cancellation source, a cancelable and a wheel registration each time); this one notes the time of each message and
/// schedules one timer per timeout, which, when it fires early, waits out the rest. What the session sees is Akka's rule:
/// <see cref="ReceiveTimeout"/> after the given quiet time, counted from the last message that does not implement
/// <see cref="INotInfluenceReceiveTimeout"/>, and again after each further quiet period.
/// </summary>
public sealed partial class SessionActor
{
    private TimeSpan? _idleAfter;
    private long _activityTicks;
    private ICancelable? _idleTimer;

    private void SetIdleTimeout(TimeSpan? after)
    {
        CancelIdleTimer();
        _idleAfter = after;
        if (after is { } quiet)
        {
            _activityTicks = DateTime.UtcNow.Ticks;
            ScheduleIdleCheck(quiet);
        }
    }

    /// <summary>The message as the session handles it: activity noted, and a due check turned into <see cref="ReceiveTimeout"/>.</summary>
    private object? Noted(object message)
    {
        if (message is not IdleCheck)
        {
            if (_idleAfter is not null && message is not INotInfluenceReceiveTimeout)
            {
                _activityTicks = DateTime.UtcNow.Ticks;
            }
            return message;
        }
        _idleTimer = null;
        if (_idleAfter is not { } quiet)
        {
            return null;
        }
        var now = DateTime.UtcNow.Ticks;
        var due = _activityTicks + quiet.Ticks;
        if (now < due)
        {
            ScheduleIdleCheck(TimeSpan.FromTicks(due - now));
            return null;
        }
        // As with Akka's: a timeout counts as activity, so it comes again after another quiet period.
        _activityTicks = now;
        ScheduleIdleCheck(quiet);
        return ReceiveTimeout.Instance;
    }

    private void ScheduleIdleCheck(TimeSpan delay) =>
        _idleTimer = Context.System.Scheduler.ScheduleTellOnceCancelable(delay, Self, IdleCheck.Instance, Self);

    private void CancelIdleTimer()
    {
        _idleTimer?.Cancel();
        _idleTimer = null;
    }

    private sealed class IdleCheck : INotInfluenceReceiveTimeout
    {
        public static readonly IdleCheck Instance = new();
    }
}
