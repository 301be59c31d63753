using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Faults;

/// <summary>
/// This node's global fault rules (the /faults API's): adds and removes them and puts the set on the
/// <see cref="FaultBoard"/> requests read. In a cluster every change goes to every node's keeper through distributed
/// pub-sub, the newest version winning; a rule's count is counted on each node. Once rules have changed, each node also
/// repeats its set every second: a node whose subscription had not yet spread when a change was published (or that
/// joined later) has it within a second of being known.
/// </summary>
public sealed class GlobalFaults : ReceiveActor, IWithTimers
{
    public const string Topic = "mcp-faults";
    private static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(1);

    private readonly FaultBoard _board;
    private readonly IActorRef? _mediator;
    private long _version;

    public ITimerScheduler Timers { get; set; } = null!;

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
            var rule = add.Rule with { Id = "g" + Guid.NewGuid().ToString("N")[..8], ArmedUtcTicks = DateTime.UtcNow.Ticks };
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
        Receive<Repeat>(_ => _mediator?.Tell(new Publish(Topic, new FaultRulesChanged([.. _board.Rules.Select(armed => armed.Rule)], _version))));
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

    private sealed class Repeat
    {
        public static readonly Repeat Instance = new();
    }

    /// <summary>Puts <paramref name="rules"/> on the board; a rule it already holds keeps what is left of its count.</summary>
    private void Install(ImmutableArray<FaultRule> rules, long version)
    {
        if (_version == 0 && _mediator is not null)
        {
            Timers.StartPeriodicTimer(Repeat.Instance, Repeat.Instance, RepeatEvery);
        }
        _version = version;
        var held = _board.Rules.ToDictionary(armed => armed.Rule.Id, StringComparer.Ordinal);
        _board.Set([.. rules.Select(rule => held.TryGetValue(rule.Id, out var armed) && armed.Rule == rule ? armed : new ArmedFault(rule))]);
    }

    private FaultRuleList List() => new([.. _board.Rules.Select(armed => armed.Rule with { Remaining = armed.Remaining })]);
}
