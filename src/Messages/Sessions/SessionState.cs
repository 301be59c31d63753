using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Faults;

namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>Where a session's state lives between requests, as tools report it.</summary>
public enum SessionKind
{
    /// <summary>A 2025 protocol session: initialize minted it, Mcp-Session-Id names it.</summary>
    Session,

    /// <summary>2026-07-28: a handle minted by echo with session "new", passed back as the tools' session argument.</summary>
    Handle,

    /// <summary>2026-07-28 without a handle: nothing outlives the request.</summary>
    Stateless,
}

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
    public SessionKind Kind { get; init; }

    /// <summary>The session's own fault rules (injectFault), oldest first.</summary>
    public ImmutableArray<FaultRule> Faults { get; init; } = [];

    /// <summary>A tools-changed fault applied: the next tools/list shows the changed tools.</summary>
    public bool ToolsChanged { get; init; }

    public static SessionState Start(StartSession start) =>
        new(start.SessionId, start.ProtocolVersion, start.Client, start.CreatedUtcTicks, start.CreatedUtcTicks)
        {
            RequestCount = start.Kind == SessionKind.Handle ? 0 : 1,
            PreviousActivityUtcTicks = start.CreatedUtcTicks,
            Kind = start.Kind,
        };

    /// <summary>The state of a 2026-07-28 request without a handle: it lives for that one request.</summary>
    public static SessionState Stateless(string protocolVersion, ClientInfo client, long utcTicks) =>
        new("", protocolVersion, client, utcTicks, utcTicks) { RequestCount = 1, PreviousActivityUtcTicks = utcTicks, Kind = SessionKind.Stateless };

    /// <summary>Counts a request that arrived at <paramref name="utcTicks"/>.</summary>
    public SessionState Touched(long utcTicks) => SessionActivity.Of(this).Touched(utcTicks).AppliedTo(this);

    public SessionState Timed(TimeSpan responseTime) => SessionActivity.Of(this).Timed(responseTime).AppliedTo(this);

    public TimeSpan AverageResponseTime =>
        TimedRequests == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(TotalResponseTicks / TimedRequests);
}
