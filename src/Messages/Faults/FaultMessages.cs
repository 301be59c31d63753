using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Messages.Faults;

/// <summary>
/// A fault the HTTP layer applies to a session or handle (expire-session: it ends now; tools-changed: its next
/// tools/list changes and its GET stream hears notifications/tools/list_changed). Reaches sessions and handles alike.
/// </summary>
public sealed record ApplyFault(string SessionId, FaultAction Action) : ISessionCommand<FaultApplied>;

/// <summary>The session applied the fault; <paramref name="Ended"/>: it has ended.</summary>
public sealed record FaultApplied(bool Ended);

/// <summary>
/// The global rule set as one node changed it, for every node's rule keeper (distributed pub-sub): the newest
/// <paramref name="Version"/> wins.
/// </summary>
public sealed record FaultRulesChanged(ImmutableArray<FaultRule> Rules, long Version) : IEchoMessage;

/// <summary>Adds a global rule (its id chosen by the keeper). Answered by <see cref="FaultRuleList"/>.</summary>
public sealed record AddFaultRule(FaultRule Rule) : IEchoMessage;

/// <summary>Removes the global rule <paramref name="Id"/>, or every one when null. Answered by <see cref="FaultRuleList"/>.</summary>
public sealed record RemoveFaultRules(string? Id) : IEchoMessage;

/// <summary>Answered by <see cref="FaultRuleList"/>.</summary>
public sealed record GetFaultRules : IEchoMessage
{
    public static readonly GetFaultRules Instance = new();
}

/// <summary>
/// This node's global rules, each with what remains of its count here; <paramref name="Added"/>: the rule just added;
/// <paramref name="Refusal"/>: why a change was refused (the limit, an unknown id).
/// </summary>
public sealed record FaultRuleList(ImmutableArray<FaultRule> Rules, FaultRule? Added = null, string? Refusal = null) : IEchoMessage;
