using System.Globalization;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>One row of the settings table: a configuration key, its default, what it means, and how it is shown.</summary>
public abstract class Setting(string key, string defaultText, string meaning, string? commandLineSwitch)
{
    public string Key { get; } = key;
    public string DefaultText { get; } = defaultText;
    public string Meaning { get; } = meaning;

    /// <summary>A short command-line form (<c>--port</c>) besides <c>--KEY=value</c>, or null.</summary>
    public string? Switch { get; } = commandLineSwitch;
}

/// <summary>
/// A typed row. <see cref="Parse"/> throws <see cref="FormatException"/> with what was expected; <see cref="Show"/> is
/// how environmentDump shows the effective value, and <see cref="Secret"/> rows are masked there.
/// </summary>
public sealed class Setting<T>(
    string key, T fallback, string defaultText, Func<string, T> parse, Func<T, string> show, string meaning,
    string? commandLineSwitch = null, bool secret = false)
    : Setting(key, defaultText, meaning, commandLineSwitch)
{
    public T Fallback { get; } = fallback;
    public Func<string, T> Parse { get; } = parse;
    public Func<T, string> Show { get; } = show;
    public bool Secret { get; } = secret;
}

/// <summary>Parsers and printers the rows share.</summary>
public static class SettingParsers
{
    private const string FlagWords = "true/false, 1/0, yes/no or on/off";

    public static bool Flag(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException($"expected {FlagWords}"),
    };

    public static string ShowFlag(bool value) => value ? "true" : "false";

    public static Func<string, int> Number(int min, int max) => raw =>
        int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"expected a whole number from {min} to {max}");

    public static string ShowNumber(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static Func<string, TimeSpan> Seconds(int min, int max)
    {
        var number = Number(min, max);
        return raw => TimeSpan.FromSeconds(number(raw));
    }

    public static string ShowSeconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public static string Text(string raw) => raw.Trim();

    public static string? OptionalText(string raw) => raw.Trim() is { Length: > 0 } text ? text : null;

    public static string ShowOptional(string? value) => value ?? "not set";

    /// <summary>A comma-separated list; empty entries are dropped.</summary>
    public static string[] List(string raw) =>
        raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string ShowList(string[] values) => values.Length == 0 ? "none" : string.Join(",", values);
}
