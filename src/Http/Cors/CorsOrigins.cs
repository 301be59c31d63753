using System.Collections.Immutable;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Cors;

/// <summary>
/// The CORS policy from its settings: a list of origins (scheme://host[:port]) or "*"; none means no origin gets a
/// grant, which keeps browsers on other sites (and DNS-rebinding pages) out by default.
/// </summary>
public static class CorsOrigins
{
    private static readonly string AllowedOriginsKey = SettingsTable.CorsOrigins.Key;
    private static readonly string AllowCredentialsKey = SettingsTable.CorsCredentials.Key;

    /// <summary>The setting's parser: "*" alone, or origins, each normalized to scheme://host[:port].</summary>
    public static string[] Parse(string raw)
    {
        var entries = SettingParsers.List(raw);
        if (entries.Contains("*"))
        {
            return entries.Length == 1 ? entries : throw new FormatException("\"*\" cannot be combined with other origins");
        }
        var bad = entries.Where(entry => Normalize(entry) is null).ToArray();
        return bad.Length == 0
            ? [.. entries.Select(entry => Normalize(entry)!).Distinct(StringComparer.OrdinalIgnoreCase)]
            : throw new FormatException(string.Join(", ", bad.Select(entry => $"'{entry}'"))
                + " not an origin; expected scheme://host[:port], e.g. https://app.example.com");
    }

    public static CorsPolicyFacts Policy(string[] origins, bool allowCredentials, int maxAgeSeconds, List<string> problems)
    {
        if (!origins.Contains("*"))
        {
            return new CorsPolicyFacts([.. origins], false, allowCredentials, maxAgeSeconds);
        }
        if (allowCredentials)
        {
            problems.Add($"{AllowCredentialsKey}=true cannot be combined with {AllowedOriginsKey}=* (browsers refuse it)");
        }
        return new CorsPolicyFacts([], true, false, maxAgeSeconds);
    }

    private static string? Normalize(string entry)
    {
        if (!Uri.TryCreate(entry, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.PathAndQuery != "/" || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        return uri.GetLeftPart(UriPartial.Authority);
    }
}
