using System.Globalization;
using System.Text.RegularExpressions;

namespace AkkaMcpEcho.Protocol;

/// <summary>
/// The two kinds of SSE event id this server sends: a whole number on the session's GET stream, and
/// "call-N/K" on a streamed call's POST stream (K counts that call's events). The id names the stream to resume.
/// </summary>
public static partial class LastEventIds
{
    public sealed record Resume(string? Call, long Sequence);

    public static Resume? Parse(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new Resume(null, id);
        }
        var match = CallEvent().Match(value);
        return match.Success && long.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? new Resume(match.Groups[1].Value, sequence)
            : null;
    }

    [GeneratedRegex("^(call-[0-9]+)/([0-9]+)$")]
    private static partial Regex CallEvent();
}
