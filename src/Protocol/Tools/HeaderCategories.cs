using System.Collections.Frozen;

namespace AkkaMcpEcho.Protocol.Tools;

public enum HeaderCategory
{
    Auth,
    Standard,
    Mcp,
    Custom,
}

/// <summary>Sorts request headers into printHeader's categories and shortens the values that carry credentials.</summary>
public static class HeaderCategories
{
    private static readonly FrozenSet<string> AuthNames = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "authorization", "proxy-authorization", "cookie", "x-client-id", "x-oauth-client", "x-github-user", "x-forwarded-user",
        "x-forwarded-email");

    private static readonly FrozenSet<string> StandardNames = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "accept", "accept-charset", "accept-encoding", "accept-language", "access-control-request-headers",
        "access-control-request-method", "baggage", "cache-control", "connection", "content-encoding", "content-language",
        "content-length", "content-type", "date", "dnt", "expect", "forwarded", "from", "host", "if-match",
        "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "keep-alive", "max-forwards", "origin",
        "pragma", "priority", "range", "referer", "te", "trailer", "traceparent", "tracestate", "transfer-encoding",
        "upgrade", "upgrade-insecure-requests", "user-agent", "via", "x-real-ip");

    public static HeaderCategory Of(string name)
    {
        if (AuthNames.Contains(name) || name.StartsWith("x-user-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("x-auth-", StringComparison.OrdinalIgnoreCase) || SecretMasker.IsSecretName(name))
        {
            return HeaderCategory.Auth;
        }
        if (name.StartsWith("mcp-", StringComparison.OrdinalIgnoreCase) || name.Equals("last-event-id", StringComparison.OrdinalIgnoreCase))
        {
            return HeaderCategory.Mcp;
        }
        return StandardNames.Contains(name) || name.StartsWith("x-forwarded-", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("sec-", StringComparison.OrdinalIgnoreCase)
            ? HeaderCategory.Standard
            : HeaderCategory.Custom;
    }

    public static bool TryParse(string text, out HeaderCategory category) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(text, out _);

    /// <summary>The value as printHeader may show it: credentials and session ids shortened, the rest as sent.</summary>
    public static string Display(string name, string value)
    {
        if (name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
            || name.Equals("proxy-authorization", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Authorization(value, 7);
        }
        if (name.Equals("cookie", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Cookie(value);
        }
        if (name.Equals("mcp-session-id", StringComparison.OrdinalIgnoreCase))
        {
            return SecretMasker.Prefix(value, 8);
        }
        return SecretMasker.IsSecretName(name) || SecretMasker.LooksLikeCredential(value) ? SecretMasker.Prefix(value, 7) : value;
    }
}
