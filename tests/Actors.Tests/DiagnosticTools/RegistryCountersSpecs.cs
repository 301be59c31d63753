using Akka.Actor;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class RegistryCountersSpecs : SessionSpec
{
    [Fact]
    public void An_expiry_counts_as_a_cleanup_with_its_time_and_the_sessions_lifetime()
    {
        var profile = ServerProfile.Default with { SessionTimeout = TimeSpan.FromMilliseconds(300) };
        var registry = Sys.ActorOf(SessionRegistry.Props(profile));
        var before = DateTime.UtcNow.Ticks;

        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        ExpectMsg<SessionCreation>();

        AwaitAssert(() =>
        {
            registry.Tell(GetRegistryStats.Instance);
            var stats = ExpectMsg<RegistryStats>();
            Assert.Equal(1, stats.Expired);
            Assert.Equal(0, stats.Active);
            Assert.InRange(stats.LastExpiredUtcTicks, before, DateTime.UtcNow.Ticks);
            Assert.True(TimeSpan.FromTicks(stats.FinishedLifetimeTicks) >= TimeSpan.FromMilliseconds(250));
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Before_any_expiry_the_last_cleanup_is_zero()
    {
        var registry = Sys.ActorOf(SessionRegistry.Props(ServerProfile.Default));

        registry.Tell(GetRegistryStats.Instance);

        var stats = ExpectMsg<RegistryStats>();
        Assert.Equal(0, stats.LastExpiredUtcTicks);
        Assert.Equal(0, stats.FinishedLifetimeTicks);
    }
}
