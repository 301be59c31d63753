using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AkkaMcpEcho.Http.Wire;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaMcpEcho.Http.Tests.Wire;

/// <summary>The one seam every frame of /mcp passes: a tap sees each request and each frame, and may alter them.</summary>
public sealed class TapTests
{
    [Fact]
    public async Task A_json_call_is_one_request_one_json_frame_and_one_end()
    {
        var tap = new CountingTap();
        await using var server = await Start(tap);
        var session = await server.Initialize();
        tap.Clear();
        var body = Requests.Echo(7, "counted");

        using (var response = await server.Post(body, session))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var exchange = Assert.Single(await tap.Ended(1));
        Assert.Equal(body, Encoding.UTF8.GetString(exchange.RequestBody!));
        Assert.Equal(("tools/call", "7", session), (exchange.RpcMethod, exchange.RpcIdJson, exchange.SessionId));
        var frame = Assert.Single(tap.Frames[exchange.Sequence]);
        Assert.Equal(FrameKind.Json, frame.Kind);
        Assert.Contains("counted\\nSession: ", Encoding.UTF8.GetString(frame.Bytes));
    }

    [Fact]
    public async Task A_streamed_call_passes_each_event_a_progress_then_the_response()
    {
        var tap = new CountingTap();
        await using var server = await Start(tap);
        var session = await server.Initialize();
        tap.Clear();

        using (var response = await server.Post(
            """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"message":"p"},"_meta":{"progressToken":"t"}}}""", session))
        {
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            await response.Content.ReadAsStringAsync();
        }

        var exchange = Assert.Single(await tap.Ended(1));
        var frames = tap.Frames[exchange.Sequence];
        Assert.All(frames, f => Assert.Equal(FrameKind.Event, f.Kind));
        Assert.Equal(2, frames.Count);
        Assert.Contains("notifications/progress", Encoding.UTF8.GetString(frames[0].Bytes));
        Assert.Contains("\"id\":8", Encoding.UTF8.GetString(frames[1].Bytes));
    }

    [Fact]
    public async Task A_get_stream_passes_each_session_event()
    {
        var tap = new CountingTap();
        await using var server = await Start(tap);
        var session = await server.Initialize("2025-11-25");
        using (await server.Post("""{"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"info"}}""", session))
        {
        }
        using var events = await server.OpenStream(session);
        tap.Clear();

        for (var i = 0; i < 3; i++)
        {
            using (await server.Post(Requests.Echo(10 + i, "e"), session))
            {
            }
            await events.Next();
        }

        var get = Assert.Single(tap.Open(), e => e.Http.Request.Method == "GET");
        Assert.Equal(3, tap.Frames[get.Sequence].Count(f => f.Kind == FrameKind.Event));
    }

    [Fact]
    public async Task A_tap_can_replace_a_frame_before_it_is_written()
    {
        await using var server = await Start(new ReplacingTap());
        var session = await server.Initialize();

        using var response = await server.Post(Requests.Echo(9, "original"), session);

        Assert.Equal("""{"replaced":true}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(17, response.Content.Headers.ContentLength);
    }

    private static async Task<EchoServerHost> Start(McpTap tap) =>
        await EchoServerHost.Start(configure: builder => builder.Services.AddSingleton(tap));

    private sealed class ReplacingTap : McpTap
    {
        public override ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame) =>
            ValueTask.FromResult<TapFrame?>(exchange.RpcMethod == "tools/call" ? frame with { Bytes = """{"replaced":true}"""u8.ToArray() } : frame);
    }

    private sealed class CountingTap : McpTap
    {
        private readonly ConcurrentQueue<McpExchange> _ended = new();
        private readonly ConcurrentDictionary<long, McpExchange> _open = new();

        public ConcurrentDictionary<long, List<TapFrame>> Frames { get; } = new();

        public void Clear()
        {
            _ended.Clear();
            Frames.Clear();
        }

        public IEnumerable<McpExchange> Open() => _open.Values;

        public override ValueTask OnRequest(McpExchange exchange)
        {
            _open[exchange.Sequence] = exchange;
            return ValueTask.CompletedTask;
        }

        public override ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame)
        {
            var frames = Frames.GetOrAdd(exchange.Sequence, _ => []);
            lock (frames)
            {
                frames.Add(frame);
            }
            return ValueTask.FromResult<TapFrame?>(frame);
        }

        public override void OnEnd(McpExchange exchange)
        {
            _open.TryRemove(exchange.Sequence, out _);
            _ended.Enqueue(exchange);
        }

        /// <summary>The exchanges ended since the last <see cref="Clear"/>, once there are <paramref name="count"/>.</summary>
        public Task<McpExchange[]> Ended(int count) =>
            Eventually.Until(() => Task.FromResult(_ended.ToArray()), e => e.Length >= count, TimeSpan.FromSeconds(10), $"{count} ended exchanges");
    }
}
