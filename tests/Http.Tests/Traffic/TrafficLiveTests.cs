using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Traffic;

/// <summary>GET /traffic/live: a hello naming the node, then each exchange as it ends, in both generations.</summary>
public sealed class TrafficLiveTests
{
    [Fact]
    public async Task The_live_feed_carries_each_exchange_within_a_second_of_its_end()
    {
        await using var server = await EchoServerHost.Start();
        using var live = await server.Stream(new HttpRequestMessage(HttpMethod.Get, "/traffic/live"));
        var hello = await live.Next(TimeSpan.FromSeconds(10));
        Assert.Equal("hello", hello.Event);
        Assert.Equal(server.BaseAddress.Authority, JsonElement.Parse(hello.Text).GetProperty("node").GetString());

        var session = await server.Initialize();
        var initialize = await live.Next(TimeSpan.FromSeconds(10));
        var started = DateTime.UtcNow;
        await server.Echo(session, "live-call");
        var call = await live.Next(TimeSpan.FromSeconds(10));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(1), "the exchange reached the feed within a second");
        Assert.Equal(("exchange", "initialize"), (initialize.Event, JsonElement.Parse(initialize.Text).GetProperty("method").GetString()));
        var record = JsonElement.Parse(call.Text);
        Assert.Equal("exchange", call.Event);
        Assert.True(TrafficApi.Carries(record, "live-call"));
        Assert.Equal(session, record.GetProperty("session").GetString());
    }

    [Fact]
    public async Task A_closed_feed_leaves_the_recording_running()
    {
        await using var server = await EchoServerHost.Start();
        using (var live = await server.Stream(new HttpRequestMessage(HttpMethod.Get, "/traffic/live")))
        {
            await live.Next(TimeSpan.FromSeconds(10));
        }
        var session = await server.Initialize();
        await server.Echo(session, "after-close");

        using var again = await server.Stream(new HttpRequestMessage(HttpMethod.Get, "/traffic/live"));
        await again.Next(TimeSpan.FromSeconds(10));
        await server.Echo(session, "seen-again");
        var next = await again.Next(TimeSpan.FromSeconds(10));

        Assert.True(TrafficApi.Carries(JsonElement.Parse(next.Text), "seen-again"));
        await TrafficApi.Call(server.Http, "after-close");
    }

    [Fact]
    public async Task A_get_stream_shows_as_open_at_once_and_again_with_its_events_when_it_ends()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        using var live = await server.Stream(new HttpRequestMessage(HttpMethod.Get, "/traffic/live"));
        await live.Next(TimeSpan.FromSeconds(10));

        using var stream = await server.OpenStream(session);
        var open = JsonElement.Parse((await live.Next(TimeSpan.FromSeconds(10))).Text);
        Assert.Equal(("GET", "open", 0), (open.GetProperty("httpMethod").GetString(), open.GetProperty("end").GetString(), open.GetProperty("status").GetInt32()));
        Assert.DoesNotContain(await TrafficApi.Exchanges(server.Http, "?limit=10"), e => e.GetProperty("httpMethod").GetString() == "GET");

        using (await server.Delete(session))
        {
        }
        var ended = await Eventually.Until(async () => JsonElement.Parse((await live.Next(TimeSpan.FromSeconds(10))).Text),
            e => e.GetProperty("httpMethod").GetString() == "GET", TimeSpan.FromSeconds(10), "the stream's final record");
        Assert.Equal(open.GetProperty("id").GetString(), ended.GetProperty("id").GetString());
        Assert.Equal((200, "answered"), (ended.GetProperty("status").GetInt32(), ended.GetProperty("end").GetString()));
    }
}
