using AkkaMcpEcho.Actors.Calls;
using AkkaMcpEcho.Actors.Traffic;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// What a dormant session keeps: its state, and the events, finished calls and exchanges its actor held, as plain
/// objects (never serialized: dormancy is the single-node registry's, in the memory store).
/// </summary>
internal sealed record DormantSession(SessionState State, SessionEvents? Events, CallRuns? Runs, TrafficRing? Traffic);

/// <summary>
/// A session quiet for <c>MCP_SESSION_DORMANT_AFTER</c> tells its registry, which stops routing to it and answers
/// <see cref="Doze"/> behind anything already routed; the session then hands over <see cref="Dozed"/> (or stays awake if
/// something arrived meanwhile) and stops. The next message for it wakes a new actor with <see cref="Wake"/> first.
/// </summary>
internal sealed record SessionQuiet
{
    public static readonly SessionQuiet Instance = new();
}

internal sealed record Doze
{
    public static readonly Doze Instance = new();
}

internal sealed record Dozed(DormantSession Session);

internal sealed record StayAwake
{
    public static readonly StayAwake Instance = new();
}

internal sealed record Wake(DormantSession Session);
