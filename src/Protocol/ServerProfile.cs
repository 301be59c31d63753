using System.Collections.Immutable;

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

    public static readonly ImmutableArray<string> AllProtocolVersions =
        ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"];

    /// <summary>Conformance fixture mode: the suite's fixture tools, resources and prompts beside the default tools.</summary>
    public bool Fixtures { get; init; }

    public static ServerProfile Default { get; } = new(
        TimeSpan.FromHours(1), 1000, 1_048_576, ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"], false);
}
