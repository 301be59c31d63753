namespace AkkaMcpEcho.Messages.Registry;

/// <summary>An initialize request: the registry picks a fresh id and starts the session, or refuses past the limit.</summary>
public sealed record CreateSession(string ProtocolVersion, Sessions.ClientInfo Client) : IEchoMessage;

/// <summary>The registry refused a new session because <paramref name="Limit"/> sessions are active.</summary>
public sealed record SessionLimitReached(int Limit) : IEchoMessage;

public sealed record GetRegistryStats : IEchoMessage
{
    public static readonly GetRegistryStats Instance = new();
}

/// <summary>
/// Counters of one registry. Ended = closed by the client (DELETE); Expired = idle past the timeout (each expiry is a
/// cleanup; <paramref name="LastExpiredUtcTicks"/> is 0 until the first). <paramref name="FinishedLifetimeTicks"/>: the
/// summed lifetimes of all expired and ended sessions.
/// </summary>
public sealed record RegistryStats(
    int Active,
    long TotalCreated,
    long Expired,
    long Ended,
    long Rejected,
    long StartedUtcTicks,
    long LastExpiredUtcTicks = 0,
    long FinishedLifetimeTicks = 0) : IEchoMessage;
