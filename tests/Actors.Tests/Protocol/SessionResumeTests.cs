using System.Collections.Immutable;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

public sealed class SessionResumeTests : TestKit
{
    private const string Id = "resume-session";
    private static readonly ServerProfile Profile = new(TimeSpan.FromMinutes(5), 10, 1 << 20,
        ImmutableArray.Create("2025-11-25"), false, StreamBufferSize: 4);

    private IActorRef StartSession()
    {
        var session = Sys.ActorOf(SessionActor.Props(Id, Profile, TestActor));
        session.Tell(new StartSession(Id, "2025-11-25", ClientInfo.Unknown, DateTime.UtcNow.Ticks));
        ExpectMsg<SessionStarted>();
        return session;
    }

    private static void Publish(IActorRef session, int count, int from = 1)
    {
        for (var n = from; n < from + count; n++)
        {
            session.Tell(new PublishEvent(Id, $"{{\"n\":{n}}}"));
        }
    }

    [Fact]
    public void A_resumed_stream_gets_every_event_after_the_last_id_then_live_ones()
    {
        var session = StartSession();
        var first = CreateTestProbe();
        session.Tell(new AttachStream(Id, first.Ref));
        ExpectMsg<StreamAttached>();
        Publish(session, 3);
        Assert.Equal([1L, 2L, 3L], first.ReceiveN(3).Cast<SessionEvent>().Select(e => e.Id));

        var second = CreateTestProbe();
        session.Tell(new ResumeStream(Id, second.Ref, 1));
        Assert.Equal(2, ExpectMsg<StreamAttached>().Flushed);
        Assert.Equal([2L, 3L], second.ReceiveN(2).Cast<SessionEvent>().Select(e => e.Id));
        Publish(session, 1, from: 4);

        Assert.Equal(4L, second.ExpectMsg<SessionEvent>().Id);
        first.ExpectMsg<Status.Success>();
    }

    [Fact]
    public void Events_published_while_no_stream_is_attached_are_replayed_in_order()
    {
        var session = StartSession();
        Publish(session, 3);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 0));

        Assert.Equal(3, ExpectMsg<StreamAttached>().Flushed);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], stream.ReceiveN(3).Cast<SessionEvent>().Select(e => e.Json));
    }

    [Fact]
    public void A_gap_is_announced_by_an_id_less_warning_before_the_held_events()
    {
        var session = StartSession();
        Publish(session, 10);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 2));

        Assert.Equal(4, ExpectMsg<StreamAttached>().Flushed);
        var marker = stream.ExpectMsg<SessionEvent>();
        Assert.Equal(0, marker.Id);
        Assert.Contains("\"event\":\"replay-gap\"", marker.Json);
        Assert.Contains("\"lost\":4", marker.Json);
        Assert.Contains("\"level\":\"warning\"", marker.Json);
        Assert.Equal([7L, 8L, 9L, 10L], stream.ReceiveN(4).Cast<SessionEvent>().Select(e => e.Id));
    }

    [Fact]
    public void A_log_level_above_warning_suppresses_the_gap_marker()
    {
        var session = StartSession();
        session.Tell(new SetLogLevel(Id, "error"));
        ExpectMsg<SessionTouched>();
        Publish(session, 10);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 2));

        ExpectMsg<StreamAttached>();
        Assert.Equal(7L, stream.ExpectMsg<SessionEvent>().Id);
    }

    [Fact]
    public void An_id_the_session_never_sent_is_refused_and_binds_nothing()
    {
        var session = StartSession();
        Publish(session, 2);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 3));

        Assert.Contains("3", ExpectMsg<ResumeRefused>().Reason);
        Publish(session, 1, from: 3);
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
