using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol;

/// <summary>
/// Version rules of MCP's lifecycle. Versions are dates, so ordinal order is age order. Two generations: the session
/// revisions (2024-11-05 to 2025-11-25: initialize, Mcp-Session-Id), and from 2026-07-28 the stateless ones (every
/// request carries its version in <c>_meta</c>).
/// </summary>
public static class ProtocolVersions
{
    public const string V20241105 = "2024-11-05";
    public const string V20250326 = "2025-03-26";
    public const string V20250618 = "2025-06-18";
    public const string V20251125 = "2025-11-25";
    public const string V20260728 = "2026-07-28";

    /// <summary>The revisions negotiated by initialize, newest first.</summary>
    public static readonly ImmutableArray<string> SessionRevisions = [V20251125, V20250618, V20250326, V20241105];

    /// <summary>Every revision this server knows, newest first.</summary>
    public static readonly ImmutableArray<string> All = [V20260728, .. SessionRevisions];

    /// <summary>Whether a version names a session revision (anything else, known or not, is for the stateless rules).</summary>
    public static bool IsSessionRevision(string version) => SessionRevisions.Contains(version);

    /// <summary>
    /// The spec's negotiation, among the supported session revisions only (a session is never 2026-07-28): a supported
    /// request is echoed back; otherwise the newest supported one. Returns the supported list's own string, so sessions
    /// share it instead of each holding a copy of the request's. Null when no session revision is supported.
    /// </summary>
    public static string? Negotiate(string? requested, ImmutableArray<string> supported)
    {
        var sessions = supported.Where(IsSessionRevision).ToImmutableArray();
        return sessions.IsEmpty ? null
            : requested is not null && sessions.IndexOf(requested) is var index and >= 0 ? sessions[index]
            : sessions.Max(StringComparer.Ordinal);
    }

    public static string Newest(ImmutableArray<string> supported) =>
        supported.Max(StringComparer.Ordinal) ?? V20250618;

    /// <summary>The stateless revisions among <paramref name="supported"/>, newest first.</summary>
    public static ImmutableArray<string> Stateless(ImmutableArray<string> supported) =>
        [.. supported.Where(v => !IsSessionRevision(v)).OrderByDescending(v => v, StringComparer.Ordinal)];

    /// <summary>From 2025-11-25 on, invalid tool arguments are tool execution errors (isError), before that -32602.</summary>
    public static bool InvalidArgumentsAreToolErrors(string version) =>
        string.CompareOrdinal(version, V20251125) >= 0;

    /// <summary>2025-11-25 sessions: POST SSE streams start with a priming event and can be resumed (SEP-1699).</summary>
    public static bool ResumablePostStreams(string version) => version == V20251125;

    /// <summary>Only 2025-03-26 lets a POST body be a JSON-RPC batch.</summary>
    public static bool AllowsBatches(string version) => version == V20250326;
}
