using Akka.Actor;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>A TestKit with helpers that drive a real <see cref="SessionRegistry"/> the way the HTTP layer does.</summary>
public abstract class SessionSpec(string hocon = "") : Akka.TestKit.Xunit2.TestKit(hocon)
{
    /// <summary>Upper bound for anything asynchronous: generous for a loaded 2-core machine, never waited out on success.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected IActorRef NewRegistry(ServerProfile? profile = null) =>
        Sys.ActorOf(SessionRegistry.Props(profile ?? TestRequests.Profile()));

    protected string StartSession(IActorRef registry, string protocolVersion = ProtocolVersions.V20250618)
    {
        registry.Tell(new CreateSession(protocolVersion, new ClientInfo("spec-client", "1.2.3")));
        return ExpectMsg<SessionStarted>(Patience).SessionId;
    }

    protected ToolCallReply Call(IActorRef registry, string sessionId, string tool, string argumentsJson = "{}")
    {
        registry.Tell(TestRequests.Call(sessionId, tool, argumentsJson));
        return ExpectMsg<ToolCallReply>(Patience);
    }

    protected ToolCallReply Echo(IActorRef registry, string sessionId, string message)
    {
        registry.Tell(TestRequests.Echo(sessionId, message));
        return ExpectMsg<ToolCallReply>(Patience);
    }

    protected Task<RegistryStats> StatsAsync(IActorRef registry) =>
        registry.Ask<RegistryStats>(GetRegistryStats.Instance, Patience);

    /// <summary>Polls the registry's counters until <paramref name="assert"/> holds or <see cref="Patience"/> runs out.</summary>
    protected Task AwaitStatsAsync(IActorRef registry, Action<RegistryStats> assert) =>
        AwaitAssertAsync(async () => assert(await StatsAsync(registry)), Patience, TimeSpan.FromMilliseconds(50));
}
