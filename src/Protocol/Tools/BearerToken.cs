using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Reads the credentials of a request's Authorization header.</summary>
public static class BearerToken
{
    /// <summary>The token of an <c>Authorization: Bearer ...</c> header (scheme case-insensitive), else null.</summary>
    public static string? From(RequestFacts request) =>
        request.Header("Authorization") is { } value && Scheme(value).Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            ? Credentials(value)
            : null;

    /// <summary>The scheme word; "(none)" when the value has no scheme, so a bare credential is never printed.</summary>
    public static string Scheme(string authorization)
    {
        var trimmed = authorization.Trim();
        var space = trimmed.IndexOf(' ');
        if (space < 0)
        {
            return "(none)";
        }
        var scheme = trimmed[..space];
        return scheme.Length <= 20 && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? scheme : "(unrecognised)";
    }

    public static string Credentials(string authorization)
    {
        var trimmed = authorization.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0 ? "" : trimmed[(space + 1)..].Trim();
    }
}
