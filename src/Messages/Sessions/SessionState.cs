using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>Everything a session remembers. Immutable: tools return a changed copy.</summary>
public sealed record SessionState(
    string SessionId,
    string ProtocolVersion,
    ClientInfo Client,
    long CreatedUtcTicks,
    long LastActivityUtcTicks)
{
    public int EchoCount { get; init; }
    public string? LastEcho { get; init; }
    public int LastEchoNumber { get; init; }
    public int ReplayCount { get; init; }
    public long RequestCount { get; init; }

    /// <summary>When the request before the latest one arrived (the creation time until then).</summary>
    public long PreviousActivityUtcTicks { get; init; }
    public long TimedRequests { get; init; }
    public long TotalResponseTicks { get; init; }
    public string? LogLevel { get; init; }

    public static SessionState Start(StartSession start) =>
        new(start.SessionId, start.ProtocolVersion, start.Client, start.CreatedUtcTicks, start.CreatedUtcTicks)
        {
            RequestCount = 1,
            PreviousActivityUtcTicks = start.CreatedUtcTicks,
        };

    /// <summary>Counts a request that arrived at <paramref name="utcTicks"/>.</summary>
    public SessionState Touched(long utcTicks) =>
        this with
        {
            RequestCount = RequestCount + 1,
            PreviousActivityUtcTicks = LastActivityUtcTicks,
            LastActivityUtcTicks = Math.Max(LastActivityUtcTicks, utcTicks),
        };

    public SessionState Timed(TimeSpan responseTime) =>
        this with { TimedRequests = TimedRequests + 1, TotalResponseTicks = TotalResponseTicks + responseTime.Ticks };

    public TimeSpan AverageResponseTime =>
        TimedRequests == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(TotalResponseTicks / TimedRequests);
}
