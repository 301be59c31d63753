using Akka.Actor;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionLimitSpecs : SessionSpec
{
    [Fact]
    public async Task Exactly_MaxSessions_sessions_are_allowed_and_the_next_is_refused()
    {
        var registry = NewRegistry(TestRequests.Profile(maxSessions: 3));
        var ids = Enumerable.Range(0, 3).Select(_ => StartSession(registry)).ToList();

        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));

        Assert.Equal(3, ExpectMsg<SessionCreation>(Patience).RefusedAtLimit);
        var stats = await StatsAsync(registry);
        Assert.Equal(3, stats.Active);
        Assert.Equal(3, stats.TotalCreated);
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(3, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Sessions_keep_their_state_while_new_ones_are_refused()
    {
        var registry = NewRegistry(TestRequests.Profile(maxSessions: 2));
        var first = StartSession(registry);
        var second = StartSession(registry);
        Echo(registry, first, "one");
        Echo(registry, first, "two");

        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        Assert.Null(ExpectMsg<SessionCreation>(Patience).SessionId);
        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        Assert.Null(ExpectMsg<SessionCreation>(Patience).SessionId);

        Assert.Equal($"three\nSession: {first}\nEcho count in session: 3", Echo(registry, first, "three").Text);
        Assert.Equal($"solo\nSession: {second}\nEcho count in session: 1", Echo(registry, second, "solo").Text);
        Assert.Equal(2, (await StatsAsync(registry)).Rejected);
    }

    [Fact]
    public async Task Ending_a_session_frees_its_place_at_once()
    {
        var registry = NewRegistry(TestRequests.Profile(maxSessions: 2));
        var first = StartSession(registry);
        var second = StartSession(registry);

        registry.Tell(new EndSession(first));
        ExpectAnswer<SessionEnded>();
        var third = StartSession(registry);

        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        Assert.Equal(2, ExpectMsg<SessionCreation>(Patience).RefusedAtLimit);
        Assert.NotEqual(first, third);
        Assert.Contains("Echo count in session: 1", Echo(registry, second, "still here").Text);
        Assert.Contains("Echo count in session: 1", Echo(registry, third, "new here").Text);
        await AwaitStatsAsync(registry, stats =>
        {
            Assert.Equal(2, stats.Active);
            Assert.Equal(3, stats.TotalCreated);
            Assert.Equal(1, stats.Ended);
            Assert.Equal(1, stats.Rejected);
        });
    }

    [Fact]
    public async Task An_expired_session_frees_its_place()
    {
        var registry = NewRegistry(TestRequests.Profile(TimeSpan.FromMilliseconds(300), maxSessions: 1));
        StartSession(registry);

        await AwaitStatsAsync(registry, stats => Assert.Equal(1, stats.Expired));

        StartSession(registry);
        Assert.Equal(0, (await StatsAsync(registry)).Rejected);
    }
}
