using System.Buffers;
using System.Text;
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

    /// <summary>"bearer " in any case, less its first letter; searched in every recorded header value.</summary>
    private static readonly SearchValues<string> BearerWord = SearchValues.Create(["earer "], StringComparison.OrdinalIgnoreCase);

    /// <summary>What a header's name says about its value.</summary>
    public static HeaderKind KindOf(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
            ? HeaderKind.Authorization
        : name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? HeaderKind.Cookie
        : name.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase) ? HeaderKind.SetCookie
        : Challenges.Contains(name) ? HeaderKind.Challenge
        : SecretMasker.IsSecretName(name) ? HeaderKind.SecretNamed
        : HeaderKind.Other;

    /// <summary>One header's value as recorded.</summary>
    public static string Header(string name, string value) => Header(KindOf(name), value);

    /// <summary>One header's value as recorded, its name's kind known.</summary>
    public static string Header(HeaderKind kind, string value) => value.Length == 0 ? value : kind switch
    {
        HeaderKind.Authorization => SecretMasker.Authorization(value, Keep) + $" ({value.Length} chars)",
        HeaderKind.Cookie => SecretMasker.Cookie(value),
        HeaderKind.SetCookie => SetCookie(value),
        HeaderKind.Challenge => value,
        // A credential pattern needs '=' or '@': most values skip the regex.
        _ when kind == HeaderKind.SecretNamed || (value.AsSpan().IndexOfAny('=', '@') >= 0 && SecretMasker.LooksLikeCredential(value))
            => SecretMasker.Prefix(value, Keep) + $" ({value.Length} chars)",
        _ => Body(value, reveal: false),
    };

    /// <summary>
    /// Set-Cookie values (several, joined by ", " when a response sets more than one): each cookie's value shortened, its
    /// name and attributes in clear.
    /// </summary>
    private static string SetCookie(string value) => SetCookieValue().Replace(value, match =>
        match.Groups["name"].Value + "=" + SecretMasker.Prefix(match.Groups["value"].Value, 4));

    /// <summary>A body with every bearer credential and JWT in it shortened.</summary>
    public static string Body(string text, bool reveal) =>
        reveal || (!text.Contains("eyJ", StringComparison.Ordinal) && !text.AsSpan().ContainsAny(BearerWord))
            ? text
            : Credential().Replace(text, match => SecretMasker.Prefix(match.Value, Keep) + $" ({match.Value.Length} chars)");

    /// <summary>
    /// Whether UTF-8 text may hold what <see cref="Body"/> shortens (the start of a JWT, or "bearer " in any case): the
    /// same test as <see cref="Body"/>'s, on the bytes, so a body without either is never decoded.
    /// </summary>
    public static bool MayHoldCredential(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IndexOf("eyJ"u8) >= 0)
        {
            return true;
        }
        for (var space = utf8.IndexOf((byte)' '); space >= 0;)
        {
            if (space >= 5 && Ascii.EqualsIgnoreCase(utf8.Slice(space - 5, 5), "earer"u8))
            {
                return true;
            }
            var next = utf8[(space + 1)..].IndexOf((byte)' ');
            space = next < 0 ? -1 : space + 1 + next;
        }
        return false;
    }

    // A JWT (three base64url parts, the first starting as every JSON header does), or what follows "Bearer ".
    // The scheme is case-insensitive, and a token inside a JSON string may carry escapes (System.Text.Json writes + as \u002B).
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|(?<=(?i:bearer) )(?:[A-Za-z0-9._~+/=-]|\\u[0-9A-Fa-f]{4}|\\/){8,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex Credential();

    // A cookie's name=value at the start or after a ", " that begins the next cookie (not inside Expires=Thu, 01 ...).
    [GeneratedRegex(@"(?:^|(?<=, ))(?<name>[^=;,\s]+)=(?<value>[^;,]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SetCookieValue();
}

/// <summary>What a header's name says about how its value is recorded.</summary>
public enum HeaderKind
{
    Other,
    Authorization,
    Cookie,
    SetCookie,
    Challenge,
    SecretNamed,
}
