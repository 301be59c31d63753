using System.Text;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>
/// The <c>WWW-Authenticate: Bearer</c> challenge of RFC 6750 and RFC 9728 that a 401 or 403 of /mcp carries: where the
/// protected resource metadata is, which scopes to ask for, and why the token was refused.
/// </summary>
public static class BearerChallenge
{
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";

    public static string Header(string resourceMetadataUrl, IReadOnlyList<string> scopes, string? error, string? description)
    {
        var header = new StringBuilder("Bearer resource_metadata=\"").Append(Quotable(resourceMetadataUrl)).Append('"');
        if (scopes.Count > 0)
        {
            header.Append(", scope=\"").Append(Quotable(string.Join(' ', scopes))).Append('"');
        }
        if (error is not null)
        {
            header.Append(", error=\"").Append(error).Append('"');
        }
        if (description is not null)
        {
            header.Append(", error_description=\"").Append(Quotable(description)).Append('"');
        }
        return header.ToString();
    }

    /// <summary>
    /// Only the characters RFC 6750 allows in a quoted value (printable ASCII but '"' and '\'); commas become ';'
    /// because some clients split the challenge at every comma before reading its quotes.
    /// </summary>
    public static string Quotable(string text)
    {
        var quoted = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                ',' => ';',
                '"' => '\'',
                '\\' => '/',
                >= ' ' and <= '~' => c,
                _ => '?',
            });
        }
        return quoted.ToString();
    }
}
