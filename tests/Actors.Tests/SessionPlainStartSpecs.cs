using Akka.Actor;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>
/// With dormancy on one node, a new 2025 session is plain state in its registry: notifications/initialized, ping and
/// DELETE are answered there, counted as the actor would count them, and the first call that needs more makes the actor.
/// </summary>
public sealed class SessionPlainStartSpecs : SessionSpec
{
    [Fact]
    public async Task A_new_session_has_no_actor_until_a_call_needs_one_and_keeps_its_counts()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        registry.Tell(new TouchSession(id, "notifications/initialized"));
        Assert.Equal(ProtocolVersions.V20250618, ExpectAnswer<SessionTouched>().ProtocolVersion);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectAnswer<SessionTouched>();
        Assert.Null(await ActorOf(registry, id));
        var stats = await StatsAsync(registry);
        Assert.Equal((1, 1), (stats.Active, stats.TotalCreated));

        Assert.Contains("- Total Requests: 4\n", Call(registry, id, "sessionInfo").Text, StringComparison.Ordinal);
        Assert.NotNull(await ActorOf(registry, id));
        Assert.EndsWith("Echo count in session: 1", Echo(registry, id, "one").Text);
    }

    [Fact]
    public async Task Ending_a_session_that_never_had_an_actor_counts_as_ended_and_it_is_then_unknown()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        registry.Tell(new TouchSession(id, "notifications/initialized"));
        ExpectAnswer<SessionTouched>();

        registry.Tell(new EndSession(id));
        Assert.True(ExpectAnswer<SessionEnded>().LifetimeTicks >= 0);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
        registry.Tell(new EndSession(id));
        ExpectNotFound<SessionEnded>(id);
        var stats = await StatsAsync(registry);
        Assert.Equal((0, 1, 1, 0), (stats.Active, stats.TotalCreated, stats.Ended, stats.Expired));
        Assert.True(stats.FinishedLifetimeTicks >= 0);
    }

    [Fact]
    public async Task A_plain_session_expires_from_its_last_message_not_from_its_creation()
    {
        var timeout = TimeSpan.FromSeconds(2);
        var registry = NewRegistry(Profile(timeout));
        var id = StartSession(registry);
        await Task.Delay(timeout * 0.65);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectAnswer<SessionTouched>();
        await Task.Delay(timeout * 0.65);
        // Past the timeout counted from creation: a session that expired from there would be gone (and counted) by now.
        registry.Tell(new TouchSession(id, "ping"));
        ExpectAnswer<SessionTouched>();
        Assert.Equal(0, (await StatsAsync(registry)).Expired);

        await AwaitStatsAsync(registry, stats => Assert.Equal((0, 1), (stats.Active, stats.Expired)));
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
    }

    [Fact]
    public void Plain_sessions_count_against_the_limit()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)) with { MaxSessions = 2 });
        StartSession(registry);
        var second = StartSession(registry);
        registry.Tell(new CreateSession(ProtocolVersions.V20250618, new ClientInfo("spec-client", "1.2.3")));
        var refused = ExpectMsg<SessionCreation>(Patience);
        Assert.Equal((null, 2), (refused.SessionId, refused.RefusedAtLimit));

        registry.Tell(new EndSession(second));
        ExpectAnswer<SessionEnded>();
        Assert.NotNull(StartSession(registry));
    }

    [Fact]
    public async Task A_pending_tools_change_is_shown_once_by_a_tools_list_answered_without_an_actor()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        registry.Tell(new ApplyFault(id, new FaultAction(FaultEffect.ToolsChanged)));
        ExpectAnswer<FaultApplied>();
        await AwaitAssertAsync(async () => Assert.Null(await ActorOf(registry, id)), Patience);

        var touched = new[] { "ping", "tools/list", "tools/list" }.Select(method =>
        {
            registry.Tell(new TouchSession(id, method));
            return ExpectAnswer<SessionTouched>().ToolsChanged;
        }).ToList();
        Assert.Equal([false, true, false], touched);
        Assert.Null(await ActorOf(registry, id));
    }

    [Fact]
    public async Task A_session_rule_still_refuses_a_touch_after_the_session_went_dormant()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)) with { FaultTool = true });
        var id = StartSession(registry);
        Assert.False(Call(registry, id, "injectFault", """{"fault":"status=503","method":"ping"}""").IsError);
        await AwaitAssertAsync(async () => Assert.Null(await ActorOf(registry, id)), Patience);

        registry.Tell(new TouchSession(id, "ping"));
        var refused = ExpectMsg<SessionAnswer<SessionTouched>>(Patience);
        Assert.Null(refused.Reply);
        Assert.Equal(new FaultAction(FaultEffect.Status, 503), refused.Fault!.Action);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectAnswer<SessionTouched>();
    }

    [Fact]
    public async Task Recorded_exchanges_are_kept_without_an_actor_and_read_with_the_state()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        registry.Tell(new RecordExchange(id, [Traffic.TrafficRecords.Record(1, session: id)]));
        registry.Tell(new RecordExchange(id, [Traffic.TrafficRecords.Record(2, session: id, method: "tools/list")]));
        Assert.Null(await ActorOf(registry, id));

        registry.Tell(new GetSessionTraffic(id));
        var traffic = ExpectAnswer<SessionTraffic>();
        Assert.Equal(["127.0.0.1:3000#1", "127.0.0.1:3000#2"], traffic.Exchanges.Select(r => r.Id));
        Assert.Equal(1, traffic.State.RequestCount);
    }

    [Fact]
    public async Task A_handle_still_starts_as_an_actor()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        registry.Tell(new CreateSession(ProtocolVersions.V20250618, new ClientInfo("spec-client", "1.2.3"), SessionKind.Handle));
        var id = ExpectMsg<SessionCreation>(Patience).SessionId!;
        Assert.NotNull(await ActorOf(registry, id));
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
    }

    [Fact]
    public async Task Without_dormancy_a_new_session_is_an_actor()
    {
        var registry = NewRegistry(TestRequests.Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        Assert.NotNull(await ActorOf(registry, id));
    }

    private static ServerProfile Profile(TimeSpan sessionTimeout) =>
        TestRequests.Profile(sessionTimeout) with { DormantAfter = TimeSpan.FromMilliseconds(200) };
}
