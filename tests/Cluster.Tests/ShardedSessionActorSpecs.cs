using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.TestKit;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>SessionActor as a sharded entity on a single-node cluster: expiry by passivation, and no message lost meanwhile.</summary>
public sealed class ShardedSessionActorSpecs : SessionSpec
{
    private static readonly Config Hocon = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
        akka.cluster.sharding {
          state-store-mode = ddata
          remember-entities = off
          passivate-idle-entity-after = off
        }
        """);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly TestProbe _lifecycle;
    private readonly IActorRef _region;

    public ShardedSessionActorSpecs() : base(Hocon, "sharded-session-spec")
    {
        var cluster = Akka.Cluster.Cluster.Get(Sys);
        cluster.Join(cluster.SelfAddress);
        AwaitCondition(() => cluster.State.Members.Any(m => m.Status == Akka.Cluster.MemberStatus.Up), TimeSpan.FromSeconds(10));
        _lifecycle = CreateTestProbe();
        var stats = CreateTestProbe();
        var profile = ServerProfile.Default with { SessionTimeout = Timeout };
        _region = ClusterSharding.Get(Sys).Start("session",
            id => SessionActor.Props(id, profile, stats.Ref, _lifecycle.Ref),
            ClusterShardingSettings.Create(Sys), new SessionMessageExtractor(10));
    }

    [Fact]
    public void An_abandoned_start_goes_away_uncounted_and_the_id_is_then_unknown()
    {
        var id = SessionIds.New();
        _region.Tell(Start(id));
        ExpectMsg<SessionCreation>(TimeSpan.FromSeconds(10));
        _lifecycle.ExpectMsg<SessionOpened>();

        _region.Tell(new AbandonStart(id));

        // Lost: the node's counters drop it from the active ones and count it neither expired nor ended.
        Assert.Equal((id, SessionCloseReason.Lost), _lifecycle.ExpectMsg<SessionClosed>(TimeSpan.FromSeconds(5)) is var closed
            ? (closed.SessionId, closed.Reason) : default);
        AwaitAssert(() => Assert.DoesNotContain(id, HostedIds()), TimeSpan.FromSeconds(5));
        _region.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionAnswer<SessionTouched>(id, null), ExpectMsg<SessionAnswer<SessionTouched>>());
        _lifecycle.ExpectNoMsg(Timeout * 2);
    }

    [Fact]
    public void An_abandoned_start_that_never_started_leaves_nothing()
    {
        var id = SessionIds.New();

        _region.Tell(new AbandonStart(id));

        _lifecycle.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
        _region.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionAnswer<SessionTouched>(id, null), ExpectMsg<SessionAnswer<SessionTouched>>(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void An_idle_session_expires_passivates_and_is_then_unknown()
    {
        var id = SessionIds.New();
        _region.Tell(Start(id));
        ExpectMsg<SessionCreation>(TimeSpan.FromSeconds(10));
        Assert.Equal(id, _lifecycle.ExpectMsg<SessionOpened>().SessionId);

        var closed = _lifecycle.ExpectMsg<SessionClosed>(Timeout * 5);

        Assert.Equal(id, closed.SessionId);
        Assert.Equal(SessionCloseReason.Expired, closed.Reason);
        Assert.InRange(closed.Lifetime, Timeout, Timeout * 10);
        AwaitAssert(() => Assert.DoesNotContain(id, HostedIds()), TimeSpan.FromSeconds(5));
        _region.Tell(new TouchSession(id, "ping"));
        Assert.Equal(new SessionAnswer<SessionTouched>(id, null), ExpectMsg<SessionAnswer<SessionTouched>>());
    }

    [Fact]
    public void Requests_through_the_region_keep_a_session_alive_past_its_timeout()
    {
        var id = SessionIds.New();
        _region.Tell(Start(id));
        ExpectMsg<SessionCreation>(TimeSpan.FromSeconds(10));
        _lifecycle.ExpectMsg<SessionOpened>();

        for (var i = 0; i < 10; i++)
        {
            _region.Tell(new TouchSession(id, "ping"));
            Assert.NotNull(ExpectMsg<SessionAnswer<SessionTouched>>().Reply);
            _lifecycle.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        }

        // Ten touches 0.3 s apart outlast the 2 s timeout; the session is still there, and expires once left alone.
        Assert.Contains(id, HostedIds());
        Assert.Equal(SessionCloseReason.Expired, _lifecycle.ExpectMsg<SessionClosed>(Timeout * 5).Reason);
    }

    [Fact]
    public void No_message_is_lost_while_an_ended_session_passivates()
    {
        var id = SessionIds.New();
        _region.Tell(Start(id));
        ExpectMsg<SessionCreation>(TimeSpan.FromSeconds(10));

        _region.Tell(new EndSession(id));
        for (var i = 0; i < 200; i++)
        {
            _region.Tell(new TouchSession(id, $"after-end-{i}"));
        }

        Assert.NotNull(ExpectMsg<SessionAnswer<SessionEnded>>().Reply);
        // Each touch is answered: by the ending incarnation, or buffered by the shard and handed to a blank one.
        var answers = ReceiveN(200, TimeSpan.FromSeconds(10));
        Assert.All(answers, answer => Assert.Equal(new SessionAnswer<SessionTouched>(id, null), answer));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _lifecycle.FishForMessage(m => m is SessionClosed { Reason: SessionCloseReason.Ended });
    }

    [Fact]
    public void No_message_is_lost_while_an_expired_session_passivates()
    {
        var id = SessionIds.New();
        _region.Tell(Start(id));
        ExpectMsg<SessionCreation>(TimeSpan.FromSeconds(10));
        _lifecycle.ExpectMsg<SessionOpened>();

        _lifecycle.ExpectMsg<SessionClosed>(Timeout * 5);
        for (var i = 0; i < 100; i++)
        {
            _region.Tell(new TouchSession(id, $"after-expiry-{i}"));
        }

        var answers = ReceiveN(100, TimeSpan.FromSeconds(10));
        Assert.All(answers, answer => Assert.Equal(new SessionAnswer<SessionTouched>(id, null), answer));
    }

    [Fact]
    public void A_message_for_an_unknown_session_is_answered_and_leaves_no_entity_behind()
    {
        var id = SessionIds.New();

        _region.Tell(new CallTool(id, "echo", System.Text.Json.JsonElement.Parse("{}"),
            new Messages.RequestFacts("POST", "/mcp", null, 0, [])));

        Assert.Equal(new SessionAnswer<ToolCallReply>(id, null), ExpectMsg<SessionAnswer<ToolCallReply>>(TimeSpan.FromSeconds(10)));
        AwaitAssert(() => Assert.DoesNotContain(id, HostedIds()), TimeSpan.FromSeconds(5));
        _lifecycle.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private static StartSession Start(string id) =>
        new(id, "2025-06-18", new ClientInfo("spec", "1"), DateTime.UtcNow.Ticks);

    private HashSet<string> HostedIds()
    {
        var state = _region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(3)).GetAwaiter().GetResult();
        return state.Shards.SelectMany(s => s.EntityIds).ToHashSet();
    }
}
