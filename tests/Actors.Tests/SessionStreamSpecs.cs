using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>The session's outbox and its GET stream, with a TestProbe standing in for the stream's actor.</summary>
public sealed class SessionStreamSpecs : SessionSpec
{
    [Fact]
    public void A_late_stream_gets_the_newest_100_of_150_queued_events_in_order()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        for (var n = 1; n <= 150; n++)
        {
            registry.Tell(new PublishEvent(id, TestRequests.Note($$"""{"n":{{n}}}""")));
        }
        var stream = CreateTestProbe();

        registry.Tell(new AttachStream(id, stream.Ref));

        Assert.Equal(new StreamBound(100, FirstEventId: 1, GapWarnings: true), ExpectAnswer<StreamBound>());
        var received = Enumerable.Range(0, 100).Select(_ => stream.ExpectMsg<SessionEvent>(Patience)).ToList();
        Assert.Equal(Enumerable.Range(51, 100).Select(n => (long)n), received.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(51, 100).Select(n => $$"""{"n":{{n}}}"""), received.Select(e => TestRequests.ParamsOf(e)));
    }

    [Fact]
    public void Events_go_straight_to_an_attached_stream()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        Assert.Equal(new StreamBound(0, FirstEventId: 1, GapWarnings: true), ExpectAnswer<StreamBound>());

        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"a":1}""")));
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"a":2}""")));

        Assert.Equal(new SessionEvent(1, TestRequests.Note("""{"a":1}""")), stream.ExpectMsg<SessionEvent>(Patience));
        Assert.Equal(new SessionEvent(2, TestRequests.Note("""{"a":2}""")), stream.ExpectMsg<SessionEvent>(Patience));
        Assert.Contains("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
    }

    [Fact]
    public void A_stream_that_stops_is_forgotten_and_events_queue_again()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var gone = CreateTestProbe();
        registry.Tell(new AttachStream(id, gone.Ref));
        ExpectAnswer<StreamBound>();

        Watch(gone.Ref);
        Sys.Stop(gone.Ref);
        ExpectTerminated(gone.Ref, Patience);

        // The session learns of the stop through its own death watch; until then events still go to the dead stream.
        AwaitAssert(() =>
        {
            registry.Tell(new PublishEvent(id, TestRequests.Note("""{"probe":true}""")));
            Assert.DoesNotContain("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
        }, Patience, TimeSpan.FromMilliseconds(20));

        var next = CreateTestProbe();
        registry.Tell(new AttachStream(id, next.Ref));
        var flushed = ExpectAnswer<StreamBound>().Flushed;
        Assert.InRange(flushed, 1, 100);
        var ids = Enumerable.Range(0, flushed).Select(_ => next.ExpectMsg<SessionEvent>(Patience).Id).ToList();
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public void EndSession_completes_the_attached_stream()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        ExpectAnswer<StreamBound>();

        registry.Tell(new EndSession(id));

        ExpectAnswer<SessionEnded>();
        Assert.Null(stream.ExpectMsg<Status.Success>(Patience).Status);
    }

    [Fact]
    public void A_second_stream_replaces_and_completes_the_first()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        registry.Tell(new AttachStream(id, first.Ref));
        ExpectAnswer<StreamBound>();

        registry.Tell(new AttachStream(id, second.Ref));
        ExpectAnswer<StreamBound>();
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"to":"second"}""")));

        first.ExpectMsg<Status.Success>(Patience);
        Assert.Equal("""{"to":"second"}""", TestRequests.ParamsOf(second.ExpectMsg<SessionEvent>(Patience)));
        // The session tells one stream per event, so once the second has it the first can no longer get it.
        Assert.False(first.HasMessages);
    }

    [Fact]
    public void Attaching_the_same_stream_again_keeps_it()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var stream = CreateTestProbe();
        registry.Tell(new AttachStream(id, stream.Ref));
        ExpectAnswer<StreamBound>();

        registry.Tell(new AttachStream(id, stream.Ref));
        ExpectAnswer<StreamBound>();
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"still":"here"}""")));

        Assert.IsType<SessionEvent>(stream.ExpectMsg<object>(Patience));
    }

    [Fact]
    public void An_ended_session_refuses_a_stream()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();

        registry.Tell(new AttachStream(id, CreateTestProbe().Ref));

        ExpectNotFound<StreamBound>(id);
    }
}
