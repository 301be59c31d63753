using System.Collections.Immutable;
using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

/// <summary>The session actor measures the process for the tools that need it, even in an actor system without a service container.</summary>
public sealed class HostFactsInSessionSpecs : SessionSpec
{
    [Fact]
    public void RequestTiming_and_healthProbe_get_real_measurements_and_counters()
    {
        var registry = Sys.ActorOf(SessionRegistry.Props(ServerProfile.Default));
        registry.Tell(new CreateSession("2025-06-18", new ClientInfo("kit", "1")));
        var id = ExpectMsg<SessionCreation>().SessionId!;
        var request = new RequestFacts("POST", "/mcp", "127.0.0.1", DateTime.UtcNow.Ticks, ImmutableArray<HeaderField>.Empty);

        registry.Tell(new CallTool(id, "requestTiming", JsonElement.Parse("{}"), request));
        var timing = ExpectMsg<SessionAnswer<ToolCallReply>>(TimeSpan.FromSeconds(10)).Reply!;
        registry.Tell(new CallTool(id, "healthProbe", JsonElement.Parse("{}"), request));
        var health = ExpectMsg<SessionAnswer<ToolCallReply>>(TimeSpan.FromSeconds(10)).Reply!;

        Assert.False(timing.IsError, timing.Text);
        Assert.Matches(@"- CPU Usage: \d+\.\d% \(average since start, \d+ cores\)", timing.Text);
        Assert.Matches(@"- Memory Usage: \d+MB / \d+MB \(\d+%\)", timing.Text);
        Assert.Contains("- Active Sessions: 1\n", timing.Text);
        Assert.Contains("- Total Sessions Created: 1\n", health.Text);
        Assert.Matches(@"- Process Memory: [1-9]\d*MB", health.Text);
    }

    [Fact]
    public void Without_a_service_container_environmentDump_says_the_configuration_is_unavailable()
    {
        var registry = Sys.ActorOf(SessionRegistry.Props(ServerProfile.Default));
        registry.Tell(new CreateSession("2025-06-18", ClientInfo.Unknown));
        var id = ExpectMsg<SessionCreation>().SessionId!;
        var request = new RequestFacts("POST", "/mcp", null, DateTime.UtcNow.Ticks, ImmutableArray<HeaderField>.Empty);

        registry.Tell(new CallTool(id, "environmentDump", JsonElement.Parse("{}"), request));

        var reply = ExpectMsg<SessionAnswer<ToolCallReply>>(TimeSpan.FromSeconds(10)).Reply!;
        Assert.Contains("🔧 Environment Configuration", reply.Text);
        Assert.Contains("- (configuration not available)", reply.Text);
    }
}
