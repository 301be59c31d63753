using System.Globalization;

namespace AkkaMcpEcho.Benchmarks.LoadGen;

/// <summary><c>mode --name value ...</c> (also <c>--name=value</c>); unknown names are refused.</summary>
public sealed class Cli
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _known;

    public Cli(string[] args, params string[] known)
    {
        _known = [.. known];
        Mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "help";
        for (var i = Mode == "help" ? 0 : 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
            var equals = arg.IndexOf('=');
            var (name, value) = equals > 0 ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{arg[2..]} needs a value"));
            if (!_known.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name}; known: {string.Join(", ", _known.Select(k => "--" + k))}");
            }
            _values[name] = value;
        }
    }

    public string Mode { get; }

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required");

    public int Number(string name, int fallback) =>
        Text(name) is { } raw ? int.Parse(raw, CultureInfo.InvariantCulture) : fallback;

    public int[] Numbers(string name, int[] fallback) =>
        Text(name) is { } raw ? [.. raw.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))] : fallback;

    public double Real(string name, double fallback) =>
        Text(name) is { } raw ? double.Parse(raw, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, double fallback) => TimeSpan.FromSeconds(Real(name, fallback));
}
