using Akka.Actor;
using Akka.Cluster.Sharding;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionCreationSpecs : SessionSpec
{
    private const string Uuid4Pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    [Fact]
    public async Task CreateSession_starts_a_session_with_a_fresh_uuid4_id_and_the_negotiated_version()
    {
        var registry = NewRegistry();

        registry.Tell(new CreateSession(ProtocolVersions.V20250326, new ClientInfo("spec-client", "1.2.3")));
        var started = ExpectMsg<SessionStarted>(Patience);

        Assert.Matches(Uuid4Pattern, started.SessionId);
        Assert.Equal(ProtocolVersions.V20250326, started.ProtocolVersion);
        var stats = await StatsAsync(registry);
        Assert.Equal(1, stats.Active);
        Assert.Equal(1, stats.TotalCreated);
    }

    [Fact]
    public async Task Every_session_gets_its_own_id()
    {
        var registry = NewRegistry();

        var ids = Enumerable.Range(0, 20).Select(_ => StartSession(registry)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(Uuid4Pattern, id));
        Assert.Equal(20, (await StatsAsync(registry)).Active);
    }

    [Fact]
    public void A_started_session_answers_a_repeated_StartSession_with_its_original_version()
    {
        var registry = NewRegistry();
        var id = StartSession(registry, ProtocolVersions.V20241105);

        registry.Tell(new StartSession(id, ProtocolVersions.V20250618, ClientInfo.Unknown, DateTime.UtcNow.Ticks));

        Assert.Equal(new SessionStarted(id, ProtocolVersions.V20241105), ExpectMsg<SessionStarted>(Patience));
    }

    [Fact]
    public void Messages_for_an_id_the_registry_never_issued_get_SessionNotFound()
    {
        var registry = NewRegistry();
        var unknown = SessionIds.New();

        registry.Tell(TestRequests.Echo(unknown, "hello"));
        Assert.Equal(new SessionNotFound(unknown), ExpectMsg<SessionNotFound>(Patience));

        registry.Tell(new TouchSession(unknown, "ping"));
        Assert.Equal(new SessionNotFound(unknown), ExpectMsg<SessionNotFound>(Patience));
    }

    [Fact]
    public void A_blank_session_actor_answers_SessionNotFound_and_asks_its_parent_to_passivate_it()
    {
        // Sharding creates an entity for any id; until StartSession it must behave as an unknown session.
        var session = ChildActorOf(SessionActor.Props("never-started", TestRequests.Profile(), TestActor));

        session.Tell(TestRequests.Echo("never-started", "hello"));

        Assert.Equal(new SessionNotFound("never-started"), ExpectMsg<SessionNotFound>(Patience));
        Assert.Same(PoisonPill.Instance, ExpectMsg<Passivate>(Patience).StopMessage);

        session.Tell(new TouchSession("never-started", "ping"));
        Assert.Equal(new SessionNotFound("never-started"), ExpectMsg<SessionNotFound>(Patience));
        ExpectMsg<Passivate>(Patience);
    }

    [Fact]
    public void A_blank_session_actor_starts_on_StartSession_and_then_serves_tools()
    {
        var session = ChildActorOf(SessionActor.Props("late-start", TestRequests.Profile(), TestActor));

        session.Tell(new StartSession("late-start", ProtocolVersions.V20250618, ClientInfo.Unknown, DateTime.UtcNow.Ticks));
        Assert.Equal(new SessionStarted("late-start", ProtocolVersions.V20250618), ExpectMsg<SessionStarted>(Patience));

        session.Tell(TestRequests.Echo("late-start", "hi"));
        Assert.Equal("hi\nSession: late-start\nEcho count in session: 1", ExpectMsg<ToolCallReply>(Patience).Text);
    }
}
