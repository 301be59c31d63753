using Akka.Actor;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Tests.Faults;

/// <summary>
/// A session's own fault rules (injectFault): kept in its state, taken by the requests they match, refusing in the
/// rule's name without running the command; and the faults the HTTP layer applies to it (expire-session, tools-changed).
/// </summary>
public sealed class SessionFaultSpecs : SessionSpec
{
    private static ServerProfile WithTool => TestRequests.Profile() with { FaultTool = true };

    private void Inject(IActorRef registry, string session, string argumentsJson)
    {
        var reply = Call(registry, session, "injectFault", argumentsJson);
        Assert.False(reply.IsError, reply.Text);
    }

    [Fact]
    public void A_refusing_rule_answers_with_no_reply_and_the_rule_and_the_command_does_not_run()
    {
        var registry = NewRegistry(WithTool);
        var session = StartSession(registry);
        Inject(registry, session, """{"fault":"status=503","tool":"echo"}""");

        registry.Tell(TestRequests.Echo(session, "refused"));
        var refused = ExpectMsg<SessionAnswer<ToolCallReply>>(Patience);
        var echo = Echo(registry, session, "runs");

        Assert.Null(refused.Reply);
        Assert.Equal(new FaultAction(FaultEffect.Status, 503), refused.Fault!.Action);
        Assert.EndsWith("Echo count in session: 1", echo.Text);
    }

    [Fact]
    public void A_rule_that_does_not_refuse_comes_with_the_reply_until_its_count_is_spent()
    {
        var registry = NewRegistry(WithTool);
        var session = StartSession(registry);
        Inject(registry, session, """{"fault":"delay=10","method":"ping","count":2}""");

        var answers = Enumerable.Range(0, 3).Select(_ =>
        {
            registry.Tell(new TouchSession(session, "ping"));
            return ExpectMsg<SessionAnswer<SessionTouched>>(Patience);
        }).ToList();

        Assert.All(answers, answer => Assert.NotNull(answer.Reply));
        Assert.Equal([10, 10, null], answers.Select(answer => answer.Fault?.Action.Value));
    }

    [Fact]
    public void A_rule_does_not_match_another_method_or_tool()
    {
        var registry = NewRegistry(WithTool);
        var session = StartSession(registry);
        Inject(registry, session, """{"fault":"drop","tool":"sessionInfo"}""");

        registry.Tell(new TouchSession(session, "tools/list"));
        var list = ExpectMsg<SessionAnswer<SessionTouched>>(Patience);
        registry.Tell(TestRequests.Echo(session, "not sessionInfo"));
        var echo = ExpectMsg<SessionAnswer<ToolCallReply>>(Patience);

        Assert.Null(list.Fault);
        Assert.Null(echo.Fault);
    }

    [Fact]
    public void A_session_keeps_at_most_16_rules_and_clear_removes_them()
    {
        var registry = NewRegistry(WithTool);
        var session = StartSession(registry);
        for (var i = 0; i < FaultRules.MaxPerSession; i++)
        {
            Inject(registry, session, """{"fault":"delay=1","method":"never/sent"}""");
        }

        var refused = Call(registry, session, "injectFault", """{"fault":"delay=1"}""");
        var cleared = Call(registry, session, "injectFault", """{"clear":true}""");

        Assert.True(refused.IsError);
        Assert.StartsWith("This session has 16 fault rules, the most it may have", refused.Text);
        Assert.Equal("Removed 16 fault rule(s) of this session.", cleared.Text);
    }

    [Fact]
    public void Inject_fault_is_an_unknown_tool_unless_the_setting_offers_it()
    {
        var registry = NewRegistry();
        var session = StartSession(registry);

        var reply = Call(registry, session, "injectFault", """{"fault":"drop"}""");

        Assert.True(reply.InvalidParams);
        Assert.Equal("Unknown tool: injectFault", reply.Text);
    }

    [Fact]
    public void Expire_session_ends_the_session_now()
    {
        var registry = NewRegistry();
        var session = StartSession(registry);

        registry.Tell(new ApplyFault(session, new FaultAction(FaultEffect.ExpireSession)));
        var applied = ExpectAnswer<FaultApplied>();
        registry.Tell(new TouchSession(session, "ping"));

        Assert.True(applied.Ended);
        ExpectNotFound<SessionTouched>(session);
    }

    [Fact]
    public void Tools_changed_marks_the_next_tools_list_only()
    {
        var registry = NewRegistry();
        var session = StartSession(registry);

        registry.Tell(new ApplyFault(session, new FaultAction(FaultEffect.ToolsChanged)));
        Assert.False(ExpectAnswer<FaultApplied>().Ended);
        var touched = new[] { "ping", "tools/list", "tools/list" }.Select(method =>
        {
            registry.Tell(new TouchSession(session, method));
            return ExpectAnswer<SessionTouched>().ToolsChanged;
        }).ToList();

        Assert.Equal([false, true, false], touched);
    }
}
