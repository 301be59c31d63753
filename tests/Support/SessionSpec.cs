using Akka.Actor;
using Akka.Configuration;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// The common base of every TestKit class (named <c>*Specs</c>): helpers that drive a real <see cref="SessionRegistry"/>
/// the way the HTTP layer does, and read the answers sessions give, also through a shard region.
/// </summary>
public abstract class SessionSpec : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>Upper bound for anything asynchronous: generous for a loaded 2-core machine, never waited out on success.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected SessionSpec(string hocon = "") : base(hocon)
    {
    }

    protected SessionSpec(Config config, string systemName) : base(config, systemName)
    {
    }

    protected IActorRef NewRegistry(ServerProfile? profile = null) =>
        Sys.ActorOf(SessionRegistry.Props(profile ?? TestRequests.Profile()));

    protected string StartSession(IActorRef registry, string protocolVersion = ProtocolVersions.V20250618)
    {
        registry.Tell(new CreateSession(protocolVersion, new ClientInfo("spec-client", "1.2.3")));
        return ExpectMsg<SessionCreation>(Patience).SessionId!;
    }

    protected ToolCallReply Call(IActorRef registry, string sessionId, string tool, string argumentsJson = "{}")
    {
        registry.Tell(TestRequests.Call(sessionId, tool, argumentsJson));
        return ExpectAnswer<ToolCallReply>();
    }

    protected ToolCallReply Echo(IActorRef registry, string sessionId, string message)
    {
        registry.Tell(TestRequests.Echo(sessionId, message));
        return ExpectAnswer<ToolCallReply>();
    }

    /// <summary>The reply of the session's next answer, which must be found.</summary>
    protected TReply ExpectAnswer<TReply>(TimeSpan? within = null) where TReply : class =>
        ExpectMsg<SessionAnswer<TReply>>(within ?? Patience).Reply ?? throw new Xunit.Sdk.XunitException($"{typeof(TReply).Name}: session not found");

    /// <summary>Asserts the next answer says that <paramref name="sessionId"/> does not exist.</summary>
    protected void ExpectNotFound<TReply>(string sessionId) where TReply : class =>
        Assert.Equal(new SessionAnswer<TReply>(sessionId, null), ExpectMsg<SessionAnswer<TReply>>(Patience));

    /// <summary>The session's actor under <paramref name="registry"/>, or null while it has none (plain or dormant state).</summary>
    protected async Task<IActorRef?> ActorOf(IActorRef registry, string sessionId) =>
        (await Sys.ActorSelection(registry.Path / sessionId).Ask<ActorIdentity>(new Identify(sessionId), Patience)).Subject;

    protected Task<RegistryStats> StatsAsync(IActorRef registry) =>
        registry.Ask<RegistryStats>(GetRegistryStats.Instance, Patience);

    /// <summary>Polls the registry's counters until <paramref name="assert"/> holds or <see cref="Patience"/> runs out.</summary>
    protected Task AwaitStatsAsync(IActorRef registry, Action<RegistryStats> assert) =>
        AwaitAssertAsync(async () => assert(await StatsAsync(registry)), Patience, TimeSpan.FromMilliseconds(50));
}
