using System.Collections.Immutable;
using Akka.Actor;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

public sealed class SessionResumeSpecs : SessionSpec
{
    private const string Id = "resume-session";
    private static readonly ServerProfile Profile = new(TimeSpan.FromMinutes(5), 10, 1 << 20,
        ImmutableArray.Create("2025-11-25"), false, StreamBufferSize: 4);

    private IActorRef StartSession()
    {
        var session = Sys.ActorOf(SessionActor.Props(Id, Profile, TestActor));
        session.Tell(new StartSession(Id, "2025-11-25", ClientInfo.Unknown, DateTime.UtcNow.Ticks));
        ExpectMsg<SessionCreation>();
        return session;
    }

    private static void Publish(IActorRef session, int count, int from = 1)
    {
        for (var n = from; n < from + count; n++)
        {
            session.Tell(new PublishEvent(Id, TestRequests.Note($"{{\"n\":{n}}}")));
        }
    }

    [Fact]
    public void A_resumed_stream_gets_every_event_after_the_last_id_then_live_ones()
    {
        var session = StartSession();
        var first = CreateTestProbe();
        session.Tell(new AttachStream(Id, first.Ref));
        ExpectAnswer<StreamBound>();
        Publish(session, 3);
        Assert.Equal([1L, 2L, 3L], first.ReceiveN(3).Cast<SessionEvent>().Select(e => e.Id));

        var second = CreateTestProbe();
        session.Tell(new ResumeStream(Id, second.Ref, 1));
        Assert.Equal(2, ExpectAnswer<StreamBound>().Flushed);
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

        Assert.Equal(3, ExpectAnswer<StreamBound>().Flushed);
        Assert.Equal(["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], stream.ReceiveN(3).Cast<SessionEvent>().Select(e => ((ServerNotification)e.Message!).ParamsJson));
    }

    [Fact]
    public void A_resume_past_what_the_log_holds_says_which_id_the_stream_owes_first()
    {
        var session = StartSession();
        Publish(session, 10);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 2));

        // The stream owes event 3 first; 7 arrives, so the stream writes a gap marker for 3..6 (StreamGaps).
        Assert.Equal(new StreamBound(4, FirstEventId: 3, GapWarnings: true), ExpectAnswer<StreamBound>());
        Assert.Equal([7L, 8L, 9L, 10L], stream.ReceiveN(4).Cast<SessionEvent>().Select(e => e.Id));
    }

    [Fact]
    public void A_plain_attach_after_the_queue_overflowed_owes_the_first_undelivered_id()
    {
        var session = StartSession();
        Publish(session, 10);
        var stream = CreateTestProbe();

        session.Tell(new AttachStream(Id, stream.Ref));

        Assert.Equal(new StreamBound(4, FirstEventId: 1, GapWarnings: true), ExpectAnswer<StreamBound>());
        Assert.Equal([7L, 8L, 9L, 10L], stream.ReceiveN(4).Cast<SessionEvent>().Select(e => e.Id));
    }

    [Fact]
    public void A_log_level_above_warning_turns_gap_warnings_off()
    {
        var session = StartSession();
        session.Tell(new SetLogLevel(Id, "error"));
        ExpectAnswer<LogLevelSet>();
        Publish(session, 10);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 2));

        Assert.False(ExpectAnswer<StreamBound>().GapWarnings);
        Assert.Equal(7L, stream.ExpectMsg<SessionEvent>().Id);
    }

    [Fact]
    public void An_id_the_session_never_sent_is_refused_and_binds_nothing()
    {
        var session = StartSession();
        Publish(session, 2);
        var stream = CreateTestProbe();

        session.Tell(new ResumeStream(Id, stream.Ref, 3));

        Assert.Contains("3", ExpectAnswer<StreamBound>().Refused);
        Publish(session, 1, from: 3);
        stream.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
