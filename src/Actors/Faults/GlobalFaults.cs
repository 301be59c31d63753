using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Faults;

/// <summary>
/// This node's global fault rules (the /faults API's): adds and removes them and puts the set on the
/// <see cref="FaultBoard"/> requests read. In a cluster every change goes to every node's keeper through distributed
/// pub-sub, the newest version winning; a rule's count is counted on each node.
/// </summary>
public sealed class GlobalFaults : ReceiveActor
{
    public const string Topic = "mcp-faults";

    private readonly FaultBoard _board;
    private readonly IActorRef? _mediator;
    private long _version;

    public GlobalFaults(FaultBoard board, IActorRef? mediator)
    {
        _board = board;
        _mediator = mediator;
        Receive<GetFaultRules>(_ => Sender.Tell(List()));
        Receive<AddFaultRule>(add =>
        {
            if (_board.Rules.Count >= FaultRules.MaxGlobal)
            {
                Sender.Tell(List() with { Refusal = $"{FaultRules.MaxGlobal} global rules are set, the most there may be; remove one first" });
                return;
            }
            var rule = add.Rule with { Id = "g" + Guid.NewGuid().ToString("N")[..8] };
            Change([.. _board.Rules.Select(armed => armed.Rule), rule]);
            Sender.Tell(List() with { Added = rule });
        });
        Receive<RemoveFaultRules>(remove =>
        {
            if (remove.Id is { } id && _board.Rules.All(armed => armed.Rule.Id != id))
            {
                Sender.Tell(List() with { Refusal = $"no global rule '{id}'" });
                return;
            }
            Change(remove.Id is null ? [] : [.. _board.Rules.Select(armed => armed.Rule).Where(rule => rule.Id != remove.Id)]);
            Sender.Tell(List());
        });
        Receive<FaultRulesChanged>(changed =>
        {
            if (changed.Version > _version)
            {
                Install(changed.Rules, changed.Version);
            }
        });
        Receive<SubscribeAck>(_ => { });
    }

    /// <param name="mediator">Cluster mode's distributed pub-sub mediator; null on a single node.</param>
    public static Props Props(FaultBoard board, IActorRef? mediator) => Akka.Actor.Props.Create(() => new GlobalFaults(board, mediator));

    protected override void PreStart() => _mediator?.Tell(new Subscribe(Topic, Self));

    private void Change(ImmutableArray<FaultRule> rules)
    {
        var version = Math.Max(_version + 1, DateTime.UtcNow.Ticks);
        Install(rules, version);
        _mediator?.Tell(new Publish(Topic, new FaultRulesChanged(rules, version)));
    }

    /// <summary>Puts <paramref name="rules"/> on the board; a rule it already holds keeps what is left of its count.</summary>
    private void Install(ImmutableArray<FaultRule> rules, long version)
    {
        _version = version;
        var held = _board.Rules.ToDictionary(armed => armed.Rule.Id, StringComparer.Ordinal);
        _board.Set([.. rules.Select(rule => held.TryGetValue(rule.Id, out var armed) && armed.Rule == rule ? armed : new ArmedFault(rule))]);
    }

    private FaultRuleList List() => new([.. _board.Rules.Select(armed => armed.Rule with { Remaining = armed.Remaining })]);
}
