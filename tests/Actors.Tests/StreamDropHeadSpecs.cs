using System.Threading.Channels;
using Akka.Actor;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Tests;

/// <summary>
/// The Akka.Streams source behind a GET stream, built as the HTTP layer builds it:
/// <c>Source.ActorRef(100, DropHead)</c> read through a one-slot channel.
/// </summary>
public sealed class StreamDropHeadSpecs : SessionSpec
{
    private const int BufferSize = 100;

    [Fact]
    public async Task A_burst_before_any_read_keeps_the_newest_100_plus_what_downstream_had_already_requested()
    {
        var (stream, events) = Open();

        for (var id = 1L; id <= 150; id++)
        {
            stream.Tell(new SessionEvent(id, TestRequests.Note("{}")));
        }
        // Identify queues behind the 150 events in the source actor's mailbox: once answered, the burst is buffered.
        stream.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>(Patience);
        stream.Tell(new Status.Success(null));
        var ids = (await ReadToEnd(events)).Select(e => e.Id).ToList();

        // DropHead bounds only the source's own buffer. Elements already requested downstream before the burst
        // (at most the interpreter's input buffer, max-input-buffer-size) pass through and are never dropped.
        var requestedAhead = ActorMaterializerSettings.Create(Sys).MaxInputBufferSize;
        Assert.InRange(ids.Count, BufferSize, BufferSize + requestedAhead);
        Assert.Equal(Enumerable.Range(51, BufferSize).Select(n => (long)n), ids.TakeLast(BufferSize));
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_burst_to_a_stalled_reader_keeps_the_newest_100_after_the_events_already_requested()
    {
        var (stream, events) = Open();
        stream.Tell(new SessionEvent(0, TestRequests.Note("{}")));
        Assert.Equal(0, (await events.ReadAsync(Timeout())).Id);

        for (var id = 1L; id <= 150; id++)
        {
            stream.Tell(new SessionEvent(id, TestRequests.Note("{}")));
        }
        stream.Tell(new Identify(1));
        ExpectMsg<ActorIdentity>(Patience);
        stream.Tell(new Status.Success(null));
        var ids = (await ReadToEnd(events)).Select(e => e.Id).ToList();

        // The running stream had requested up to max-input-buffer-size elements: the first of the burst go there,
        // the rest compete for the 100 places of the source's buffer.
        var requestedAhead = ActorMaterializerSettings.Create(Sys).MaxInputBufferSize;
        var passedThrough = ids.Count - BufferSize;
        Assert.InRange(passedThrough, 1, requestedAhead);
        Assert.Equal(Enumerable.Range(1, passedThrough).Select(n => (long)n), ids.Take(passedThrough));
        Assert.Equal(Enumerable.Range(51, BufferSize).Select(n => (long)n), ids.Skip(passedThrough));
    }

    [Fact]
    public async Task A_late_stream_attached_to_a_session_delivers_exactly_the_newest_100_in_order()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        for (var n = 1; n <= 150; n++)
        {
            registry.Tell(new PublishEvent(id, TestRequests.Note($$"""{"n":{{n}}}""")));
        }
        var (stream, events) = Open();

        registry.Tell(new AttachStream(id, stream));
        Assert.Equal(100, ExpectAnswer<StreamBound>().Flushed);
        registry.Tell(new EndSession(id));
        ExpectAnswer<SessionEnded>();
        var received = await ReadToEnd(events);

        Assert.Equal(Enumerable.Range(51, 100).Select(n => (long)n), received.Select(e => e.Id));
        Assert.Equal(Enumerable.Range(51, 100).Select(n => $$"""{"n":{{n}}}"""), received.Select(e => TestRequests.ParamsOf(e)));
    }

    [Fact]
    public async Task A_completed_stream_is_forgotten_by_its_session()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        var (stream, events) = Open();
        registry.Tell(new AttachStream(id, stream));
        ExpectAnswer<StreamBound>();
        registry.Tell(new PublishEvent(id, TestRequests.Note("""{"live":true}""")));
        Assert.Equal(1, (await events.ReadAsync(Timeout())).Id);

        stream.Tell(new Status.Success(null));
        Assert.Empty(await ReadToEnd(events));

        // The source's actor stops with the stream; the session's death watch then sends events to the outbox.
        AwaitAssert(() =>
        {
            registry.Tell(new PublishEvent(id, TestRequests.Note("""{"queued":true}""")));
            Assert.DoesNotContain("- Message Queue: 0 pending\n", Call(registry, id, "sessionInfo").Text);
        }, Patience, TimeSpan.FromMilliseconds(20));
    }

    private (IActorRef Stream, ChannelReader<SessionEvent> Events) Open() =>
        Source.ActorRef<SessionEvent>(BufferSize, OverflowStrategy.DropHead)
            .ToMaterialized(ChannelSink.AsReader<SessionEvent>(1, singleReader: true), Keep.Both)
            .Run(Sys.Materializer());

    private static async Task<List<SessionEvent>> ReadToEnd(ChannelReader<SessionEvent> events)
    {
        var all = new List<SessionEvent>();
        await foreach (var item in events.ReadAllAsync(Timeout()))
        {
            all.Add(item);
        }
        return all;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;
}
