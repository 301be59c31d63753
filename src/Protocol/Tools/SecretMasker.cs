using System.Text.RegularExpressions;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// Decides what looks secret and shortens it. Every shortening keeps at most a quarter of a value (or, for long values,
/// its first and last few characters), so no secret ever appears whole in a tool's output.
/// </summary>
public static partial class SecretMasker
{
    public const string Masked = "***";

    private static readonly string[] SecretWords =
        ["TOKEN", "SECRET", "KEY", "PASSWORD", "PASSWD", "PWD", "CREDENTIAL", "AUTH", "COOKIE", "CONNECTIONSTRING", "CONNSTR", "PRIVATE"];

    /// <summary>Whether a variable or header name suggests a secret (separators and case ignored).</summary>
    public static bool IsSecretName(string name)
    {
        // Without allocating: the traffic recording asks this of every header of every exchange.
        Span<char> normalized = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not ('_' or '-' or ':' or '.'))
            {
                normalized[length++] = char.ToUpperInvariant(c);
            }
        }
        foreach (var word in SecretWords)
        {
            if (normalized[..length].IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a value carries a credential whatever its name: a connection string or a URL with a password.</summary>
    public static bool LooksLikeCredential(string value) => CredentialPattern().IsMatch(value);

    /// <summary>The first characters of a value and "...": at most <paramref name="keep"/>, never more than a quarter.</summary>
    public static string Prefix(string value, int keep) => value[..Math.Min(keep, value.Length / 4)] + "...";

    /// <summary>First and last <paramref name="keep"/> characters when the value is at least four times as long, else <see cref="Prefix"/>.</summary>
    public static string Ends(string value, int keep) =>
        value.Length >= keep * 4 ? $"{value[..keep]}...{value[^keep..]}" : Prefix(value, keep);

    /// <summary>What environmentDump shows for a secret: <see cref="Masked"/>, or with showSecrets its first/last 4 characters when it has 16 or more.</summary>
    public static string Secret(string value, bool showEnds) =>
        showEnds && value.Length >= 16 ? Ends(value, 4) : Masked;

    /// <summary>An Authorization value: the scheme in clear, the credentials shortened.</summary>
    public static string Authorization(string value, int keep)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? $"{value[..space]} {Prefix(value[(space + 1)..].TrimStart(), keep)}" : Prefix(value, keep);
    }

    /// <summary>A Cookie header: every cookie's name in clear, every value shortened.</summary>
    public static string Cookie(string value)
    {
        var cookies = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join("; ", cookies.Select(cookie =>
        {
            var equals = cookie.IndexOf('=');
            return equals < 0 ? Prefix(cookie, 4) : $"{cookie[..equals]}={Prefix(cookie[(equals + 1)..], 4)}";
        }));
    }

    // A URL's user may be empty (redis://:password@host).
    [GeneratedRegex(@"(password|pwd|secret|token|key)\s*=|://[^/\s:@]*:[^/\s@]+@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
