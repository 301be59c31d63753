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

    /// <summary>Headers named like secrets that hold none: a challenge names a scheme and where to get a token.</summary>
    private static readonly HashSet<string> Challenges = new(StringComparer.OrdinalIgnoreCase) { "WWW-Authenticate", "Proxy-Authenticate" };

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
        if (name.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Cookie(value);
        }
        if (name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase))
        {
            return SetCookie(value);
        }
        if (Challenges.Contains(name))
        {
            return value;
        }
        // A credential pattern needs '=' or '@': most values skip the regex.
        return SecretMasker.IsSecretName(name) || (value.AsSpan().IndexOfAny('=', '@') >= 0 && SecretMasker.LooksLikeCredential(value))
            ? SecretMasker.Prefix(value, Keep) + $" ({value.Length} chars)"
            : Body(value, reveal: false);
    }

    /// <summary>
    /// Set-Cookie values (several, joined by ", " when a response sets more than one): each cookie's value shortened, its
    /// name and attributes in clear.
    /// </summary>
    private static string SetCookie(string value) => SetCookieValue().Replace(value, match =>
        match.Groups["name"].Value + "=" + SecretMasker.Prefix(match.Groups["value"].Value, 4));

    /// <summary>A body with every bearer credential and JWT in it shortened.</summary>
    public static string Body(string text, bool reveal) =>
        reveal || (!text.Contains("eyJ", StringComparison.Ordinal) && !text.Contains("earer ", StringComparison.OrdinalIgnoreCase))
            ? text
            : Credential().Replace(text, match => SecretMasker.Prefix(match.Value, Keep) + $" ({match.Value.Length} chars)");

    // A JWT (three base64url parts, the first starting as every JSON header does), or what follows "Bearer ".
    // The scheme is case-insensitive, and a token inside a JSON string may carry escapes (System.Text.Json writes + as \u002B).
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|(?<=(?i:bearer) )(?:[A-Za-z0-9._~+/=-]|\\u[0-9A-Fa-f]{4}|\\/){8,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    // A cookie's name=value at the start or after a ", " that begins the next cookie (not inside Expires=Thu, 01 ...).
    [GeneratedRegex(@"(?:^|(?<=, ))(?<name>[^=;,\s]+)=(?<value>[^;,]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SetCookieValue();
}
