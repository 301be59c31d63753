using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Faults;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>
/// Standing fault rules: how one is made from what the injectFault tool or the /faults API was given (and refused,
/// naming the problem), and which rule a request meets. One fault per request: the first rule that applies.
/// </summary>
public static class FaultRules
{
    public const int MaxPerSession = 16;
    public const int MaxGlobal = 32;
    public const int MaxCount = 1000;
    public const int MaxNameLength = 100;

    /// <summary>The rule asked for, or what is wrong with the request (the problem names the field).</summary>
    public static (FaultRule? Rule, string? Problem) Make(string id, string? fault, long? count, long? probability, string? method,
        string? tool, int? defaultCount)
    {
        if (string.IsNullOrWhiteSpace(fault))
        {
            return (null, "fault: required, e.g. \"status=503; retry-after=2\"; effects: " + FaultVocabulary.Known);
        }
        var (action, problem) = FaultVocabulary.Parse(fault);
        if (action is null)
        {
            return (null, "fault: " + problem);
        }
        if (count is < 1 or > MaxCount)
        {
            return (null, $"count: expected a whole number from 1 to {MaxCount}, got {count}");
        }
        if (probability is < 1 or > 100)
        {
            return (null, $"probability: expected a percentage from 1 to 100, got {probability}");
        }
        if ((LabFaults.Problem(action.Effect, Blank(method), Blank(tool), count, probability) ?? Name("method", method) ?? Name("tool", tool)) is { } bad)
        {
            return (null, bad);
        }
        return (new FaultRule(id, action, Blank(method), Blank(tool), count is { } n ? (int)n : defaultCount,
            probability is { } p ? (int)p : 100), null);
    }

    /// <summary>Whether <paramref name="rule"/> is for a request of <paramref name="method"/> (and tools/call's <paramref name="tool"/>).</summary>
    public static bool Matches(FaultRule rule, string method, string? tool) =>
        (rule.Method is null || rule.Method == method) && (rule.Tool is null || (method == "tools/call" && rule.Tool == tool));

    /// <summary>Whether a matching rule fires this time (its probability).</summary>
    public static bool Fires(FaultRule rule, Random random) => rule.Probability >= 100 || random.Next(100) < rule.Probability;

    /// <summary>
    /// The rule a request meets, if any, and the rules after it: a rule with a count has one fewer left, and goes when it
    /// has none.
    /// </summary>
    public static (FaultRule? Hit, ImmutableArray<FaultRule> After) Take(ImmutableArray<FaultRule> rules, string method, string? tool,
        Random random)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if (!Matches(rule, method, tool) || !Fires(rule, random))
            {
                continue;
            }
            return rule.Remaining switch
            {
                null => (rule, rules),
                <= 1 => (rule, rules.RemoveAt(i)),
                var left => (rule, rules.SetItem(i, rule with { Remaining = left - 1 })),
            };
        }
        return (null, rules);
    }

    /// <summary>Whether the fault answers in place of the request, which then does not run.</summary>
    public static bool Refuses(FaultAction action) => action.Effect is FaultEffect.Status or FaultEffect.RpcError or FaultEffect.Drop;

    private static string? Name(string field, string? value) =>
        value is { Length: > MaxNameLength } ? $"{field}: at most {MaxNameLength} characters, got {value.Length}" : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
