using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// The session's request counters and times live in a field of the actor, not in its <see cref="SessionState"/>: a copy
/// of the state per count cost about 0.4 KB per echo request. <c>_state</c> carries the figures of its last use; the
/// whole state is built where something reads or keeps them (the tools that show them, the traffic page, dormancy, the
/// store).
/// </summary>
public sealed partial class SessionActor
{
    private SessionActivity _activity;

    /// <summary>Counts the current message as a request.</summary>
    private SessionState Touch()
    {
        _activity = _activity.Touched(DateTime.UtcNow.Ticks);
        return _state!;
    }

    /// <summary>The whole state, kept so that an unchanged session hands out the same instance.</summary>
    private SessionState State => _state = _activity.AppliedTo(_state!);

    /// <summary>Takes a state made elsewhere (started, woken, restored, rolled back) with its figures.</summary>
    private void Adopt(SessionState state) => (_state, _activity) = (state, SessionActivity.Of(state));
}
