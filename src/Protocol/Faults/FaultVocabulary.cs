using System.Collections.Frozen;
using System.Globalization;
using AkkaMcpEcho.Messages.Faults;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>
/// The words of <c>Echo-Fault: &lt;effect&gt;[=&lt;value&gt;][; &lt;param&gt;=&lt;value&gt;]...</c>, the same for the header,
/// the injectFault tool and the /faults API, and their bounds. <see cref="Parse"/> names exactly what is wrong.
/// </summary>
public static class FaultVocabulary
{
    public const string Header = "Echo-Fault";
    public const string AppliedHeader = "Echo-Fault-Applied";
    public const int MaxLength = 512;
    public const int MaxDelayMs = 60_000;
    public const int MaxGapMs = 10_000;
    public const int MaxEvents = 1000;
    public const int MaxRetryAfterSeconds = 3600;
    public const int MaxMessageLength = 200;

    private static readonly FrozenDictionary<string, FaultEffect> Effects = new Dictionary<string, FaultEffect>
    {
        ["delay"] = FaultEffect.Delay,
        ["slow-stream"] = FaultEffect.SlowStream,
        ["status"] = FaultEffect.Status,
        ["rpc-error"] = FaultEffect.RpcError,
        ["drop"] = FaultEffect.Drop,
        ["drop-stream-after"] = FaultEffect.DropStreamAfter,
        ["expire-session"] = FaultEffect.ExpireSession,
        ["malformed"] = FaultEffect.Malformed,
        ["tools-changed"] = FaultEffect.ToolsChanged,
        ["header-mismatch"] = FaultEffect.HeaderMismatch,
        ["expire-token"] = FaultEffect.ExpireToken,
        ["refuse-refresh"] = FaultEffect.RefuseRefresh,
        ["deny-consent"] = FaultEffect.DenyConsent,
        ["wrong-audience"] = FaultEffect.WrongAudience,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<FaultEffect, string> Names = Effects.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static string Known { get; } = string.Join(", ", Effects.Keys.Order(StringComparer.Ordinal));

    public static string Name(FaultEffect effect) => Names[effect];

    /// <summary>The action <paramref name="text"/> asks for, or what is wrong with it (naming the part at fault).</summary>
    public static (FaultAction? Action, string? Problem) Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            return (null, $"longer than {MaxLength} characters ({text.Length})");
        }
        var parts = text.Split(';', StringSplitOptions.TrimEntries);
        if (parts[0].Length == 0)
        {
            return (null, "empty; expected <effect>[=<value>][; <param>=<value>]..., effects: " + Known);
        }
        var (name, value) = Split(parts[0]);
        if (!Effects.TryGetValue(name, out var effect))
        {
            return (null, $"unknown effect '{name}'; known: {Known}");
        }
        var (action, problem) = Effect(effect, name.ToLowerInvariant(), value);
        foreach (var part in parts.Skip(1).Where(part => part.Length > 0))
        {
            if (action is { } current)
            {
                (action, problem) = Parameter(current, name.ToLowerInvariant(), Split(part));
            }
        }
        return (action, problem);
    }

    private static (string Name, string? Value) Split(string part) =>
        part.IndexOf('=') is var at and >= 0 ? (part[..at].Trim(), part[(at + 1)..].Trim()) : (part, null);

    private static (FaultAction?, string?) Effect(FaultEffect effect, string name, string? value) => effect switch
    {
        FaultEffect.Delay => Number(name, value, 0, MaxDelayMs, "milliseconds", ms => new FaultAction(effect, ms)),
        FaultEffect.SlowStream => Number(name, value, 1, MaxGapMs, "milliseconds", ms => new FaultAction(effect, ms)),
        FaultEffect.DropStreamAfter => Number(name, value, 0, MaxEvents, "an event count", k => new FaultAction(effect, k)),
        FaultEffect.RpcError => Number(name, value, int.MinValue, int.MaxValue, "a JSON-RPC error code", code => new FaultAction(effect, code)),
        FaultEffect.Status => Number(name, value, 100, 599, "an HTTP status", code => new FaultAction(effect, code)) switch
        {
            ({ } action, _) when !FaultWire.Statuses.ContainsKey(action.Value) =>
                (null, $"status={action.Value} is not offered; status takes one of {string.Join(", ", FaultWire.Statuses.Keys.Order())}"),
            var parsed => parsed,
        },
        FaultEffect.Malformed => Word(name, value, ["json", "sse", "content-type"], required: true),
        FaultEffect.HeaderMismatch => Word(name, value, ["session-id", "protocol-version"], required: false),
        _ => value is null ? (new FaultAction(effect), null) : (null, $"{name} takes no value, got '{name}={value}'"),
    };

    private static (FaultAction?, string?) Number(string name, string? value, int min, int max, string what, Func<int, FaultAction> make)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, $"{name} needs a value: {name}=<{what}>");
        }
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? (make(number), null)
            : (null, $"{name}: expected {what}, a whole number from {min} to {max}, got '{value}'");
    }

    private static (FaultAction?, string?) Word(string name, string? value, string[] words, bool required)
    {
        var effect = Effects[name];
        if (value is null && !required)
        {
            return (new FaultAction(effect), null);
        }
        var word = words.FirstOrDefault(w => w.Equals(value, StringComparison.OrdinalIgnoreCase));
        return word is not null
            ? (new FaultAction(effect, Variant: word), null)
            : (null, $"{name}: expected one of {string.Join(", ", words)}, got '{value ?? ""}'");
    }

    private static (FaultAction?, string?) Parameter(FaultAction action, string effect, (string Name, string? Value) parameter)
    {
        var (name, value) = (parameter.Name.ToLowerInvariant(), parameter.Value ?? "");
        if (name == "retry-after" && action is { Effect: FaultEffect.Status, Value: 429 or 503 })
        {
            return Number(name, value, 0, MaxRetryAfterSeconds, "seconds", seconds => action with { RetryAfterSeconds = seconds });
        }
        if (name == "message" && action.Effect is FaultEffect.RpcError or FaultEffect.Status)
        {
            return value.Length is > 0 and <= MaxMessageLength
                ? (action with { Message = value }, null)
                : (null, $"message: expected 1 to {MaxMessageLength} characters, got {value.Length}");
        }
        var takes = action.Effect switch
        {
            FaultEffect.Status when action.Value is 429 or 503 => "retry-after, message",
            FaultEffect.Status or FaultEffect.RpcError => "message",
            _ => "none",
        };
        return name == "retry-after" && action.Effect == FaultEffect.Status
            ? (null, $"retry-after goes with status=429 or status=503, not status={action.Value}")
            : (null, $"unknown parameter '{parameter.Name}' for {effect} (it takes {takes})");
    }
}
