using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Auth;

namespace AkkaMcpEcho.Messages;

/// <summary>One HTTP header as it arrived (name as sent, value as sent). A struct: a recorded exchange holds many, as one array.</summary>
public readonly record struct HeaderField(string Name, string Value);

/// <summary>
/// An immutable snapshot of what tools may inspect about the HTTP request that carried a call.
/// Wall-clock ticks (UTC), not a stopwatch, so the value means the same on every node. <paramref name="Trace"/>: the
/// trace context the request carried in <c>_meta</c> and the one the server used (null: none of either).
/// </summary>
public sealed record RequestFacts(
    string HttpMethod,
    string Path,
    string? RemoteAddress,
    long StartedUtcTicks,
    ImmutableArray<HeaderField> Headers,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    TraceFacts? Trace = null)
{
    /// <summary>The resource server's verdict on the request's bearer token; null when MCP_AUTH_MODE is none.</summary>
    public TokenVerdict? Verdict { get; init; }

    public string? Header(string name)
    {
        foreach (var header in Headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }
        return null;
    }
}
