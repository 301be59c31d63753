using System.Text;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// The value rules of the 2026-07-28 routing headers: surrounding whitespace is not part of a value; a value may only
/// hold visible ASCII, space and tab; <c>Mcp-Name</c> and <c>Mcp-Param-*</c> values may be a base64 sentinel,
/// <c>=?base64?...?=</c>, which is decoded (strict base64 of UTF-8) before it is compared.
/// </summary>
public static class HeaderValue
{
    private const string Prefix = "=?base64?";
    private const string Suffix = "?=";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Trim(string value) => value.Trim(' ', '\t');

    /// <summary>Why the value cannot be a header value, or null.</summary>
    public static string? Invalid(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return $"it holds the character U+{(int)c:X4}; header values hold visible ASCII, space and tab only (base64-encode others)";
            }
        }
        return null;
    }

    public static bool IsSentinel(string value) =>
        value.Length >= Prefix.Length + Suffix.Length && value.StartsWith(Prefix, StringComparison.Ordinal)
        && value.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>The decoded text of a sentinel value, or why it cannot be decoded.</summary>
    public static (string? Text, string? Problem) Decode(string value)
    {
        var inner = value[Prefix.Length..^Suffix.Length];
        if (inner.Length % 4 != 0)
        {
            return (null, $"the base64 inside =?base64?...?= has {inner.Length} characters; standard base64 comes in groups of 4 (padded with =)");
        }
        var padding = inner.Length - inner.TrimEnd('=').Length;
        for (var i = 0; i < inner.Length - padding; i++)
        {
            if (!char.IsAsciiLetterOrDigit(inner[i]) && inner[i] is not ('+' or '/'))
            {
                return (null, $"'{inner[i]}' at position {i} is not a standard base64 character (A-Z a-z 0-9 + /)");
            }
        }
        if (padding > 2)
        {
            return (null, "base64 ends in at most two '=' characters");
        }
        try
        {
            return (StrictUtf8.GetString(Convert.FromBase64String(inner)), null);
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return (null, e is DecoderFallbackException ? "the decoded bytes are not valid UTF-8" : "the base64 is not valid");
        }
    }
}
