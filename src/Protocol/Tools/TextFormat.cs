using System.Globalization;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>The seed's ways of writing times and durations.</summary>
public static class TextFormat
{
    public static string Utc(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string UtcMillis(long utcTicks) =>
        new DateTime(utcTicks, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>42s, 5m 30s, 2h 5m 30s; negative spans count as zero.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = Math.Max(0, (long)span.TotalSeconds);
        var hours = seconds / 3600;
        var minutes = seconds % 3600 / 60;
        var rest = seconds % 60;
        return hours > 0 ? $"{hours}h {minutes}m {rest}s"
            : minutes > 0 ? $"{minutes}m {rest}s"
            : $"{rest}s";
    }

    public static string Milliseconds(TimeSpan span) =>
        span.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + "ms";
}
