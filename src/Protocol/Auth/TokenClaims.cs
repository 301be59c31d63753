using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>The claims a resource server judges, read from a JWT payload: iss, aud (string or array), exp, and scopes.</summary>
public sealed record TokenClaims(string? Issuer, ImmutableArray<string> Audiences, long? ExpiresUtcTicks, ImmutableArray<string> Scopes)
{
    public static TokenClaims None { get; } = new(null, [], null, []);

    /// <summary>Scopes from the <c>scope</c> string (RFC 8693, RFC 9068) and the <c>scp</c> array (or string) together.</summary>
    public static TokenClaims From(JsonElement payload, DateTime? expires) => new(
        payload.TryGetProperty("iss", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString() : null,
        Strings(payload, "aud"),
        expires?.Ticks,
        [.. Strings(payload, "scope").Concat(Strings(payload, "scp")).SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)]);

    private static ImmutableArray<string> Strings(JsonElement payload, string name) =>
        !payload.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];
}
