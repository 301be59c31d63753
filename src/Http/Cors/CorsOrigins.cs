using System.Collections.Immutable;
using AkkaMcpEcho.Actors.Tools;

namespace AkkaMcpEcho.Http.Cors;

/// <summary>
/// Reads the CORS settings. MCP_CORS_ALLOWED_ORIGINS is a comma list of origins (scheme://host[:port]) or "*";
/// unset means no origin gets a grant, which keeps browsers on other sites (and DNS-rebinding pages) out by default.
/// </summary>
public static class CorsOrigins
{
    public const string AllowedOriginsKey = "MCP_CORS_ALLOWED_ORIGINS";
    public const string AllowCredentialsKey = "MCP_CORS_ALLOW_CREDENTIALS";
    public const string MaxAgeKey = "MCP_CORS_MAX_AGE";

    public static CorsPolicyFacts Policy(string? origins, bool allowCredentials, int maxAgeSeconds, List<string> problems)
    {
        var entries = (origins ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Contains("*"))
        {
            if (entries.Length > 1)
            {
                problems.Add($"{AllowedOriginsKey}={origins}: \"*\" cannot be combined with other origins");
            }
            if (allowCredentials)
            {
                problems.Add($"{AllowCredentialsKey}=true cannot be combined with {AllowedOriginsKey}=* (browsers refuse it)");
            }
            return new CorsPolicyFacts([], true, false, maxAgeSeconds);
        }
        var allowed = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in entries)
        {
            if (Normalize(entry) is { } origin)
            {
                allowed.Add(origin);
            }
            else
            {
                problems.Add($"{AllowedOriginsKey}: '{entry}' is not an origin; expected scheme://host[:port], e.g. https://app.example.com");
            }
        }
        return new CorsPolicyFacts(allowed.Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray(), false, allowCredentials, maxAgeSeconds);
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
