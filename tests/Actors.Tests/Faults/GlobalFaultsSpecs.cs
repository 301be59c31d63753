using System.Collections.Immutable;
using Akka.Actor;
using AkkaMcpEcho.Actors.Faults;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Tests.Faults;

/// <summary>One node's keeper of global rules, alone (no mediator): what it adds, removes and puts on the board requests read.</summary>
public sealed class GlobalFaultsSpecs : SessionSpec
{
    private static readonly FaultRule Delay = new("new", new FaultAction(FaultEffect.Delay, 5), Method: "ping", Remaining: 2);

    private (IActorRef Keeper, FaultBoard Board) NewKeeper()
    {
        var board = new FaultBoard();
        return (Sys.ActorOf(GlobalFaults.Props(board, null)), board);
    }

    private FaultRuleList Send(IActorRef keeper, object command)
    {
        keeper.Tell(command, TestActor);
        return ExpectMsg<FaultRuleList>(Patience);
    }

    [Fact]
    public void An_added_rule_gets_an_id_reaches_the_board_and_counts_down_as_requests_take_it()
    {
        var (keeper, board) = NewKeeper();

        var added = Send(keeper, new AddFaultRule(Delay)).Added!;
        var taken = new[] { "tools/list", "ping", "ping", "ping" }.Select(method => board.Take(method, null, Random.Shared)?.Id).ToList();
        var listed = Send(keeper, GetFaultRules.Instance);

        Assert.StartsWith("g", added.Id);
        Assert.Equal([null, added.Id, added.Id, null], taken);
        Assert.Equal(0, Assert.Single(listed.Rules).Remaining);
    }

    [Fact]
    public void Rules_are_removed_one_by_one_or_all_and_an_unknown_id_is_refused()
    {
        var (keeper, board) = NewKeeper();
        var first = Send(keeper, new AddFaultRule(Delay)).Added!;
        Send(keeper, new AddFaultRule(Delay));

        var unknown = Send(keeper, new RemoveFaultRules("g-none"));
        var one = Send(keeper, new RemoveFaultRules(first.Id));
        var all = Send(keeper, new RemoveFaultRules(null));

        Assert.Equal("no global rule 'g-none'", unknown.Refusal);
        Assert.Single(one.Rules);
        Assert.Empty(all.Rules);
        Assert.True(board.IsEmpty);
    }

    [Fact]
    public void The_keeper_holds_at_most_32_rules()
    {
        var (keeper, _) = NewKeeper();
        for (var i = 0; i < FaultRules.MaxGlobal; i++)
        {
            Assert.Null(Send(keeper, new AddFaultRule(Delay)).Refusal);
        }

        var refused = Send(keeper, new AddFaultRule(Delay));

        Assert.Equal("32 global rules are set, the most there may be; remove one first", refused.Refusal);
        Assert.Equal(32, refused.Rules.Length);
    }

    [Fact]
    public void A_newer_set_from_another_node_replaces_the_rules_and_an_older_one_is_ignored()
    {
        var (keeper, board) = NewKeeper();
        var mine = Send(keeper, new AddFaultRule(Delay)).Added!;
        var theirs = Delay with { Id = "gtheirs" };

        keeper.Tell(new FaultRulesChanged([theirs], long.MaxValue - 1));
        keeper.Tell(new FaultRulesChanged(ImmutableArray<FaultRule>.Empty, 1));
        var listed = Send(keeper, GetFaultRules.Instance);

        Assert.Equal(["gtheirs"], listed.Rules.Select(r => r.Id));
        Assert.NotEqual(mine.Id, board.Rules.Single().Rule.Id);
    }
}
