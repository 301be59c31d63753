using System.Globalization;
using System.Text;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// Client-supplied text made safe for a log line: control characters (CR and LF above all, which would let a client
/// forge log lines) written as escapes, and long values cut.
/// </summary>
internal static class LogText
{
    public const int MaxLength = 200;

    public static string Safe(string? value)
    {
        if (value is null)
        {
            return "-";
        }
        var cut = value.Length > MaxLength;
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (var c in cut ? value.AsSpan(0, MaxLength) : value)
        {
            _ = c switch
            {
                '\r' => text.Append("\\r"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }
        return cut ? text.Append("...").ToString() : text.ToString();
    }
}
