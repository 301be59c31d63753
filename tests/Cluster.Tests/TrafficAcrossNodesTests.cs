using System.Text.Json;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>The traffic page on any node shows every node's exchanges, labelled by node; a session's stay with its entity.</summary>
public sealed class TrafficAcrossNodesTests(ThreeNodeFixture fixture) : IClassFixture<ThreeNodeFixture>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_call_through_node_2_for_a_session_of_node_1_shows_on_the_page_of_node_3()
    {
        var (one, two, three) = (Cluster.Nodes[0].Mcp, Cluster.Nodes[1].Mcp, Cluster.Nodes[2].Mcp);
        var session = await one.Initialize();
        var marker = "across-" + Guid.NewGuid().ToString("N");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await two.Echo(session, marker)).Status);

        var page = await Eventually.Until(() => Exchanges(three.Http, ""), list => list.Any(e => Carries(e, marker)), Within, "node 3's page");
        var call = page.Single(e => Carries(e, marker));
        var initialize = page.Single(e => e.GetProperty("session").GetString() == session && e.GetProperty("method").GetString() == "initialize");
        Assert.Equal(two.BaseAddress.Authority, call.GetProperty("node").GetString());
        Assert.Equal(one.BaseAddress.Authority, initialize.GetProperty("node").GetString());
        Assert.Equal(session, call.GetProperty("session").GetString());

        var own = await Eventually.Until(() => Exchanges(three.Http, $"?session={session}"), list => list.Count == 2, Within, "the session's ring");
        Assert.Equal(["initialize", "tools/call"], own.Select(e => e.GetProperty("method").GetString()));
        Assert.Equal([one.BaseAddress.Authority, two.BaseAddress.Authority], own.Select(e => e.GetProperty("node").GetString()));
    }

    [Fact]
    public async Task The_live_feed_of_node_3_carries_an_exchange_made_through_node_2()
    {
        var (two, three) = (Cluster.Nodes[1].Mcp, Cluster.Nodes[2].Mcp);
        using var live = await three.Stream(new HttpRequestMessage(HttpMethod.Get, "/traffic/live"));
        Assert.Equal("hello", (await live.Next(Within)).Event);
        var session = await two.Initialize();
        var deadline = DateTime.UtcNow + Within;

        // The subscription travels to the other nodes by gossip: until it has, their exchanges reach no feed, so the
        // calls go on until one arrives. One reader reads the feed throughout; reads are never cancelled midway.
        var reading = ReadUntil(live, "live-across-", deadline);
        for (var i = 0; !reading.IsCompleted && DateTime.UtcNow < deadline; i++)
        {
            await two.Echo(session, $"live-across-{i}");
            await Task.WhenAny(reading, Task.Delay(500));
        }
        var seen = await reading;

        Assert.Equal(two.BaseAddress.Authority, seen.GetProperty("node").GetString());
    }

    private static async Task<JsonElement> ReadUntil(SseReader live, string marker, DateTime deadline)
    {
        while (true)
        {
            var record = JsonElement.Parse((await live.Next(TimeSpan.FromTicks(Math.Max(1, (deadline - DateTime.UtcNow).Ticks)))).Text);
            if (Carries(record, marker))
            {
                return record;
            }
        }
    }

    private static async Task<List<JsonElement>> Exchanges(HttpClient http, string query)
    {
        var page = JsonElement.Parse(await http.GetStringAsync("/traffic/api/exchanges" + query));
        return [.. page.GetProperty("exchanges").EnumerateArray()];
    }

    private static bool Carries(JsonElement exchange, string marker) =>
        exchange.GetProperty("requestBody") is { ValueKind: JsonValueKind.Object } body
        && body.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal);
}
