using System.Collections.Immutable;
using AkkaMcpEcho.Protocol.Auth;

namespace AkkaMcpEcho.Protocol;

/// <summary>What the server is and how it is configured: read by actors and shown by tools. Immutable.</summary>
public sealed record ServerProfile(
    TimeSpan SessionTimeout,
    int MaxSessions,
    int MaxMessageBytes,
    ImmutableArray<string> SupportedProtocolVersions,
    bool Debug,
    int StreamBufferSize = 100)
{
    public const string Name = "mcp-echo-streamablehttp-server-stateful";
    public const string Version = "0.2.0";

    public static ImmutableArray<string> AllProtocolVersions => ProtocolVersions.All;

    /// <summary>Conformance fixture mode: the suite's fixture tools, resources and prompts beside the default tools.</summary>
    public bool Fixtures { get; init; }

    /// <summary>MCP_FAULTS_TOOL: tools/list offers injectFault after the default tools.</summary>
    public bool FaultTool { get; init; }

    /// <summary>MCP_AUTH_REQUIRED_SCOPES: the scopes each tool and method needs (none when MCP_AUTH_MODE is none).</summary>
    public ScopeRequirements Scopes { get; init; } = ScopeRequirements.None;

    /// <summary>The ring of recorded exchanges each session and handle keeps for the traffic page (0 exchanges: none).</summary>
    public TrafficBounds SessionTraffic { get; init; } = TrafficBounds.SessionDefault;

    /// <summary>The ring of recorded exchanges each node keeps, of every session and of none.</summary>
    public TrafficBounds NodeTraffic { get; init; } = TrafficBounds.NodeDefault;

    /// <summary>
    /// MCP_SESSION_STORE is sqlite or postgres: sessions and handles recover from the store, and what a request changed is
    /// written before it is answered. False (memory): nothing is written anywhere.
    /// </summary>
    public bool DurableSessions { get; init; }

    /// <summary>
    /// MCP_SESSION_DORMANT_AFTER: a single-node session quiet this long (no stream open, no call running) stops its actor
    /// and waits as plain state until its next request. Zero, or not shorter than the session timeout: never.
    /// </summary>
    public TimeSpan DormantAfter { get; init; }

    /// <summary>Whether sessions go dormant: the memory store on one node, with a dormancy shorter than the expiry.</summary>
    public bool Dormancy => !DurableSessions && DormantAfter > TimeSpan.Zero && DormantAfter < SessionTimeout;

    public static ServerProfile Default { get; } = new(TimeSpan.FromHours(1), 1000, 1_048_576, ProtocolVersions.All, false);

    /// <summary>The stateless revisions this server serves (2026-07-28 unless the setting leaves it out), newest first.</summary>
    public ImmutableArray<string> StatelessVersions => ProtocolVersions.Stateless(SupportedProtocolVersions);

    /// <summary>Whether initialize can start a session: some session revision is supported.</summary>
    public bool ServesSessions => SupportedProtocolVersions.Any(ProtocolVersions.IsSessionRevision);
}

/// <summary>How many recorded exchanges a ring keeps, and about how many bytes of memory they may occupy.</summary>
public sealed record TrafficBounds(int Exchanges, long Bytes)
{
    public static TrafficBounds SessionDefault { get; } = new(50, 64 * 1024);

    public static TrafficBounds NodeDefault { get; } = new(2000, 16 * 1024 * 1024);
}
