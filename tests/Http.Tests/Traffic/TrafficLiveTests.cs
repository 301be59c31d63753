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
}
