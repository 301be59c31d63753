using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol;

/// <summary>Version rules of MCP's lifecycle. Versions are dates, so ordinal order is age order.</summary>
public static class ProtocolVersions
{
    public const string V20241105 = "2024-11-05";
    public const string V20250326 = "2025-03-26";
    public const string V20250618 = "2025-06-18";
    public const string V20251125 = "2025-11-25";

    /// <summary>
    /// The spec's negotiation: a supported request is echoed back; otherwise the newest supported version. Returns the
    /// supported list's own string, so sessions share it instead of each holding a copy of the request's.
    /// </summary>
    public static string Negotiate(string? requested, ImmutableArray<string> supported) =>
        requested is not null && supported.IndexOf(requested) is var index and >= 0 ? supported[index] : Newest(supported);

    public static string Newest(ImmutableArray<string> supported) =>
        supported.Max(StringComparer.Ordinal) ?? V20250618;

    /// <summary>From 2025-11-25 on, invalid tool arguments are tool execution errors (isError), before that -32602.</summary>
    public static bool InvalidArgumentsAreToolErrors(string version) =>
        string.CompareOrdinal(version, V20251125) >= 0;

    /// <summary>From 2025-11-25 on, POST SSE streams start with a priming event and can be resumed (SEP-1699).</summary>
    public static bool ResumablePostStreams(string version) => string.CompareOrdinal(version, V20251125) >= 0;

    /// <summary>Only 2025-03-26 lets a POST body be a JSON-RPC batch.</summary>
    public static bool AllowsBatches(string version) => version == V20250326;
}
