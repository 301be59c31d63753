using Akka.Actor;
using Akka.Cluster.Sharding;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionCreationSpecs : SessionSpec
{
    private const string Uuid4Pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$";

    [Fact]
    public async Task CreateSession_starts_a_session_with_a_fresh_uuid4_id_and_the_negotiated_version()
    {
        var registry = NewRegistry();

        registry.Tell(new CreateSession(ProtocolVersions.V20250326, new ClientInfo("spec-client", "1.2.3")));
        var started = ExpectMsg<SessionCreation>(Patience);

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

        Assert.Equal(new SessionCreation(id, ProtocolVersions.V20241105), ExpectMsg<SessionCreation>(Patience));
    }

    [Fact]
    public void Messages_for_an_id_the_registry_never_issued_get_SessionNotFound()
    {
        var registry = NewRegistry();
        var unknown = SessionIds.New();

        registry.Tell(TestRequests.Echo(unknown, "hello"));
        ExpectNotFound<ToolCallReply>(unknown);

        registry.Tell(new TouchSession(unknown, "ping"));
        ExpectNotFound<SessionTouched>(unknown);
    }

    [Fact]
    public void A_blank_session_actor_answers_SessionNotFound_and_asks_its_parent_to_passivate_it()
    {
        // Sharding creates an entity for any id; until StartSession it must behave as an unknown session.
        var session = ChildActorOf(SessionActor.Props("never-started", TestRequests.Profile(), TestActor));

        session.Tell(TestRequests.Echo("never-started", "hello"));

        ExpectNotFound<ToolCallReply>("never-started");
        Assert.Same(PoisonPill.Instance, ExpectMsg<Passivate>(Patience).StopMessage);

        session.Tell(new TouchSession("never-started", "ping"));
        ExpectNotFound<SessionTouched>("never-started");
        ExpectMsg<Passivate>(Patience);
    }

    [Fact]
    public void A_blank_session_actor_starts_on_StartSession_and_then_serves_tools()
    {
        var session = ChildActorOf(SessionActor.Props("late-start", TestRequests.Profile(), TestActor));

        session.Tell(new StartSession("late-start", ProtocolVersions.V20250618, ClientInfo.Unknown, DateTime.UtcNow.Ticks));
        Assert.Equal(new SessionCreation("late-start", ProtocolVersions.V20250618), ExpectMsg<SessionCreation>(Patience));

        session.Tell(TestRequests.Echo("late-start", "hi"));
        Assert.Equal("hi\nSession: late-start\nEcho count in session: 1", ExpectAnswer<ToolCallReply>().Text);
    }
}
