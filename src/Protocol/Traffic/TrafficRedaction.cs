using System.Collections.Immutable;
using System.Text.RegularExpressions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Protocol.Traffic;

/// <summary>
/// What the traffic recording keeps of credentials: credential headers and secret-looking values shortened the way the
/// tools shorten them (never more than a quarter of a value), bearer tokens and JWTs inside bodies likewise, unless
/// the recording reveals secrets for local debugging.
/// </summary>
public static partial class TrafficRedaction
{
    private const int Keep = 8;

    public static ImmutableArray<HeaderField> Headers(IEnumerable<KeyValuePair<string, string>> headers, bool reveal) =>
        [.. headers.Select(h => new HeaderField(h.Key, reveal ? h.Value : Header(h.Key, h.Value)))];

    /// <summary>One header's value as recorded.</summary>
    public static string Header(string name, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Authorization(value, Keep) + $" ({value.Length} chars)";
        }
        if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) || name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Cookie(value);
        }
        return SecretMasker.IsSecretName(name) || SecretMasker.LooksLikeCredential(value)
            ? SecretMasker.Prefix(value, Keep) + $" ({value.Length} chars)"
            : Body(value, reveal: false);
    }

    /// <summary>A body with every bearer credential and JWT in it shortened.</summary>
    public static string Body(string text, bool reveal) =>
        reveal || (!text.Contains("eyJ", StringComparison.Ordinal) && !text.Contains("earer ", StringComparison.OrdinalIgnoreCase))
            ? text
            : Credential().Replace(text, match => SecretMasker.Prefix(match.Value, Keep) + $"({match.Value.Length} chars)");

    // A JWT (three base64url parts, the first starting as every JSON header does), or what follows "Bearer ".
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|(?<=[Bb]earer )[A-Za-z0-9._~+/=-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex Credential();
}
