using System.Net;
using System.Net.Sockets;

namespace AkkaMcpEcho.Http.Tests.Sessions;

/// <summary>
/// A GET stream whose client stops reading while megabytes of events flow: the server holds at most its drop-head
/// buffer, and when the client reads again it gets the newest events in order, after a gap marker for the rest.
/// </summary>
public sealed class StreamBackpressureTests
{
    private const int Events = 20_000;
    private const int StreamBuffer = 100;

    [Fact]
    public async Task A_stream_that_is_never_read_keeps_only_the_newest_events_and_marks_the_gap()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        using (var level = await server.Post("""{"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"info"}}""", session))
        {
            Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        }
        using var stalled = await OpenUnread(server, session);

        var sentBytes = await EchoMany(server, session, Events);
        var frames = await ReadUntilId(stalled, Events);

        Assert.True(sentBytes > 3_000_000, $"only {sentBytes} bytes of events");
        // Every jump in the ids is announced, exactly, by a gap marker just before it; no event comes twice or late.
        long expected = 1, lost = 0;
        (long LastEventId, long Lost)? gap = null;
        foreach (var frame in frames)
        {
            if (frame.Gap is { } marker)
            {
                Assert.Null(gap);
                Assert.Equal(expected - 1, marker.LastEventId);
                gap = marker;
                continue;
            }
            var id = frame.Id!.Value;
            Assert.Equal(id - expected, gap?.Lost ?? 0);
            lost += id - expected;
            expected = id + 1;
            gap = null;
        }
        Assert.Equal(Events + 1, expected);
        Assert.True(lost > 1000, $"lost {lost} of {Events}: the drop-head buffer was not really reached");
        // Held while the client did not read: the drop-head buffer, one event in the channel, one in the writer's hands.
        var afterLastGap = frames.Count - frames.FindLastIndex(f => f.Gap is not null) - 1;
        Assert.InRange(afterLastGap, 1, StreamBuffer + 2);
    }

    /// <summary>A GET /mcp on a socket with a small receive buffer, whose body nobody reads until told.</summary>
    private static async Task<SseReader> OpenUnread(EchoServerHost server, string session)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancel) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var events = await new RawMcpClient(client).OpenStream(session);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        return events;
    }

    private static async Task<long> EchoMany(EchoServerHost server, string session, int count)
    {
        var next = 0;
        long bytes = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                using var response = await server.Post(Requests.Echo(1, "x"), session);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // Each echo publishes one activity event of about this size on the stream.
                Interlocked.Add(ref bytes, 180);
            }
        }));
        return bytes;
    }

    private static async Task<List<(long? Id, (long LastEventId, long Lost)? Gap)>> ReadUntilId(SseReader stream, long lastId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var frames = new List<(long? Id, (long LastEventId, long Lost)? Gap)>();
        while (await stream.NextEvent(deadline.Token) is { } item)
        {
            if (item.Id is null)
            {
                var data = item.Json.GetProperty("params").GetProperty("data");
                Assert.Equal("replay-gap", data.GetProperty("event").GetString());
                frames.Add((null, (data.GetProperty("lastEventId").GetInt64(), data.GetProperty("lost").GetInt64())));
                continue;
            }
            var id = long.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture);
            frames.Add((id, null));
            if (id == lastId)
            {
                return frames;
            }
        }
        throw new EndOfStreamException($"the stream ended before event {lastId}");
    }
}
