using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Faults;

/// <summary>
/// This node's global fault rules as requests read them: <see cref="GlobalFaults"/> writes the set whole, requests read
/// it without a lock. With no rule, a request pays one volatile read.
/// </summary>
public sealed class FaultBoard
{
    private volatile ArmedFault[] _rules = [];

    public bool IsEmpty => _rules.Length == 0;

    public IReadOnlyList<ArmedFault> Rules => _rules;

    internal void Set(ArmedFault[] rules) => _rules = rules;

    /// <summary>The rule a request of <paramref name="method"/> (and <paramref name="tool"/>) meets, taken from its count.</summary>
    public FaultRule? Take(string method, string? tool, Random random)
    {
        foreach (var armed in _rules)
        {
            if (!LabFaults.Is(armed.Rule.Action.Effect) && FaultRules.Matches(armed.Rule, method, tool) && FaultRules.Fires(armed.Rule, random)
                && armed.TryTake())
            {
                return armed.Rule;
            }
        }
        return null;
    }

    /// <summary>The lab rule of <paramref name="effect"/> the authorization server meets now, taken from its count.</summary>
    public FaultRule? TakeLab(FaultEffect effect, Random random)
    {
        foreach (var armed in _rules)
        {
            if (armed.Rule.Action.Effect == effect && FaultRules.Fires(armed.Rule, random) && armed.TryTake())
            {
                return armed.Rule;
            }
        }
        return null;
    }

    /// <summary>The first expire-token rule that refuses a token issued at <paramref name="issuedUtcTicks"/> (null: none).</summary>
    public FaultRule? ExpiredBy(long? issuedUtcTicks)
    {
        foreach (var armed in _rules)
        {
            if (armed.Rule is { Action.Effect: FaultEffect.ExpireToken, ArmedUtcTicks: { } at } rule && LabFaults.Expires(at, issuedUtcTicks))
            {
                return rule;
            }
        }
        return null;
    }
}

/// <summary>A global rule and what is left of its count on this node (requests take from it concurrently).</summary>
public sealed class ArmedFault(FaultRule rule)
{
    private int _left = rule.Remaining ?? 0;

    public FaultRule Rule { get; } = rule;

    /// <summary>What is left of the rule's count here; null for a rule that stays until removed.</summary>
    public int? Remaining => Rule.Remaining is null ? null : Math.Max(0, Volatile.Read(ref _left));

    public bool TryTake() => Rule.Remaining is null || Interlocked.Decrement(ref _left) >= 0;
}
