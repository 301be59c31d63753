using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>
/// MCP_SESSION_DORMANT_AFTER on one node: a quiet session's actor stops and its state waits in the registry; the next
/// message wakes it with everything intact, expiry still counts from the last message, and nothing sent while it
/// hands over is lost.
/// </summary>
public sealed class SessionDormancySpecs : SessionSpec
{
    private static readonly TimeSpan DormantAfter = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_quiet_session_stops_its_actor_and_wakes_with_its_state()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        Echo(registry, id, "one");
        Echo(registry, id, "two");

        await AwaitAssertAsync(async () => Assert.Null(await ActorOf(registry, id)), Patience);
        Assert.Equal(1, (await StatsAsync(registry)).Active);

        Assert.Contains("\ntwo\n", Call(registry, id, "replayLastEcho").Text, StringComparison.Ordinal);
        Assert.NotNull(await ActorOf(registry, id));
        Assert.EndsWith("Echo count in session: 3", Echo(registry, id, "three").Text);
    }

    [Fact]
    public async Task A_dormant_session_expires_from_its_last_message_and_is_then_unknown()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMilliseconds(900)));
        var id = StartSession(registry);
        Echo(registry, id, "before");
        await AwaitAssertAsync(async () => Assert.Null(await ActorOf(registry, id)), Patience);
        Assert.Equal(1, (await StatsAsync(registry)).Active);

        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(1, stats.Expired);
        });
        registry.Tell(TestRequests.Echo(id, "after"));
        ExpectNotFound<ToolCallReply>(id);
    }

    [Fact]
    public async Task Ending_a_dormant_session_counts_as_ended()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        await AwaitAssertAsync(async () => Assert.Null(await ActorOf(registry, id)), Patience);

        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();
        registry.Tell(TestRequests.Echo(id, "too late"));
        ExpectNotFound<ToolCallReply>(id);
        await AwaitStatsAsync(registry, stats => Assert.Equal((0, 1, 0), (stats.Active, stats.Ended, stats.Expired)));
    }

    [Fact]
    public async Task A_session_with_a_stream_open_stays_awake()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        registry.Tell(new AttachStream(id, CreateTestProbe().Ref));
        ExpectAnswer<StreamBound>();

        await Task.Delay(DormantAfter * 4);
        Assert.NotNull(await ActorOf(registry, id));
    }

    [Fact]
    public void Messages_that_race_the_hand_over_are_all_answered_in_order()
    {
        var registry = NewRegistry(Profile(TimeSpan.FromMinutes(5)));
        var id = StartSession(registry);
        // Calls spaced around the dormancy delay, so that some arrive while the session hands over or stops.
        for (var count = 1; count <= 24; count++)
        {
            Thread.Sleep(DormantAfter - TimeSpan.FromMilliseconds(30) + TimeSpan.FromMilliseconds(count % 6 * 10));
            Assert.EndsWith($"Echo count in session: {count}", Echo(registry, id, $"call {count}").Text);
        }
    }

    private static AkkaMcpEcho.Protocol.ServerProfile Profile(TimeSpan sessionTimeout) =>
        TestRequests.Profile(sessionTimeout) with { DormantAfter = DormantAfter };
}
