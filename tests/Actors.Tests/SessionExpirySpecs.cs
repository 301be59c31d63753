using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionExpirySpecs : SessionSpec
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task An_idle_session_expires_and_then_is_unknown()
    {
        var registry = NewRegistry(TestRequests.Profile(ShortTimeout));
        var id = StartSession(registry);
        Echo(registry, id, "before expiry");

        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(1, stats.Expired);
            Assert.Equal(0, stats.Ended);
        });

        registry.Tell(TestRequests.Echo(id, "after expiry"));
        ExpectNotFound<ToolCallReply>(id);
        registry.Tell(new TouchSession(id, "ping"));
        ExpectNotFound<SessionTouched>(id);
        Assert.Equal(1, (await StatsAsync(registry)).TotalCreated);
    }

    [Fact]
    public async Task A_session_in_use_outlives_its_timeout_and_expires_a_timeout_after_its_last_message()
    {
        var timeout = TimeSpan.FromSeconds(1);
        var registry = NewRegistry(TestRequests.Profile(timeout));
        var id = StartSession(registry);

        // Over two timeouts, a message every fifth of one: the timer set at the start comes due with activity since.
        for (var i = 0; i < 12; i++)
        {
            await Task.Delay(timeout / 5);
            registry.Tell(new TouchSession(id, "ping"));
            ExpectAnswer<SessionTouched>();
        }
        var lastMessage = DateTime.UtcNow;
        Assert.Equal(1, (await StatsAsync(registry)).Active);

        await AwaitStatsAsync(registry, stats => Assert.Equal(1, stats.Expired));
        Assert.True(DateTime.UtcNow - lastMessage >= timeout * 0.9, "expired sooner than a timeout after its last message");
    }

    [Fact]
    public async Task EndSession_counts_as_ended_while_an_idle_one_counts_as_expired()
    {
        var registry = NewRegistry(TestRequests.Profile(ShortTimeout));
        var ended = StartSession(registry);
        StartSession(registry);

        registry.Tell(new EndSession(ended));
        ExpectAnswer<SessionEnded>();

        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(2, stats.TotalCreated);
            Assert.Equal(1, stats.Ended);
            Assert.Equal(1, stats.Expired);
        });
        registry.Tell(TestRequests.Call(ended, "sessionInfo"));
        ExpectNotFound<ToolCallReply>(ended);
    }

    [Fact]
    public async Task An_ended_session_is_unknown_at_once()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();
        registry.Tell(TestRequests.Echo(id, "too late"));
        ExpectNotFound<ToolCallReply>(id);
        registry.Tell(new EndSession(id));
        ExpectNotFound<SessionEnded>(id);

        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(0, stats.Active);
            Assert.Equal(1, stats.Ended);
            Assert.Equal(0, stats.Expired);
        });
    }

    [Fact]
    public async Task Expiry_completes_the_attached_stream()
    {
        var registry = NewRegistry(TestRequests.Profile(ShortTimeout));
        var id = StartSession(registry);
        var stream = CreateTestProbe();

        registry.Tell(new AttachStream(id, stream.Ref));
        ExpectAnswer<StreamBound>();

        stream.ExpectMsg<Status.Success>(Patience);
        await AwaitStatsAsync(registry, stats => Assert.Equal(1, stats.Expired));
    }
}
