using System.Net;
using System.Text.Json;
using static AkkaMcpEcho.Http.Tests.Traffic.TrafficApi;

namespace AkkaMcpEcho.Http.Tests.Traffic;

/// <summary>GET /traffic/har and /traffic/jsonl: HAR 1.2 that devtools open, JSON Lines that scripts read, for all or one session.</summary>
public sealed class TrafficExportTests
{
    [Fact]
    public async Task The_har_export_has_the_har_1_2_structure_for_every_exchange()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        await server.Echo(session, "har-json");
        using (var streamed = await server.Post(
            """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"message":"har-sse"},"_meta":{"progressToken":"p"}}}""", session))
        {
            await streamed.Content.ReadAsStringAsync();
        }
        await Call(server.Http, "har-sse");

        using var response = await server.Http.GetAsync("/traffic/har");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"traffic.har\"", response.Content.Headers.ContentDisposition?.ToString());
        var log = JsonElement.Parse(await response.Content.ReadAsStringAsync()).GetProperty("log");
        Assert.Equal("1.2", log.GetProperty("version").GetString());
        Assert.Equal("mcp-echo-streamablehttp-server-stateful", log.GetProperty("creator").GetProperty("name").GetString());
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);
        foreach (var entry in entries)
        {
            AssertHarEntry(entry, server.BaseAddress);
        }
        var sse = entries.Single(e => e.GetProperty("request").GetProperty("postData").GetProperty("text").GetString()!.Contains("har-sse"));
        Assert.Equal("text/event-stream", sse.GetProperty("response").GetProperty("content").GetProperty("mimeType").GetString());
        Assert.Contains("event: message", sse.GetProperty("response").GetProperty("content").GetProperty("text").GetString());
        Assert.Equal("legacy", sse.GetProperty("_mcp").GetProperty("era").GetString());
        // 2025-11-25: the priming event, the progress notification, the response.
        Assert.Equal(3, sse.GetProperty("_mcp").GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task The_json_lines_export_is_one_exchange_per_line_and_filters_by_session()
    {
        await using var server = await EchoServerHost.Start();
        var first = await server.Initialize();
        var second = await server.Initialize();
        await server.Echo(first, "lines-1");
        await server.Echo(second, "lines-2");
        await Call(server.Http, "lines-2");

        using var all = await server.Http.GetAsync("/traffic/jsonl");
        Assert.Equal("application/x-ndjson", all.Content.Headers.ContentType?.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, line => Assert.Equal(JsonValueKind.Object, JsonElement.Parse(line).ValueKind));

        // A session's ring gets its exchanges in batches, a moment after the node's.
        var mine = await Eventually.Until(async () => (await server.Http.GetStringAsync($"/traffic/jsonl?session={second}"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonElement.Parse(line)).ToList(),
            lines => lines.Count == 2, TimeSpan.FromSeconds(10), "the session's two exchanges");
        Assert.Equal(2, mine.Count);
        Assert.All(mine, e => Assert.Equal(second, e.GetProperty("session").GetString()));
        using var har = await server.Http.GetAsync($"/traffic/har?session={second}");
        Assert.Equal($"attachment; filename=\"traffic-{second.Replace("-", "")}.har\"", har.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(2, JsonElement.Parse(await har.Content.ReadAsStringAsync()).GetProperty("log").GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("/traffic/har?session=never-issued", HttpStatusCode.NotFound, "No session or handle 'never-issued'")]
    [InlineData("/traffic/api/sessions/never-issued", HttpStatusCode.NotFound, "No session or handle 'never-issued'")]
    [InlineData("/traffic/api/exchanges?limit=0", HttpStatusCode.BadRequest, "limit must be a whole number from 1 to 100000, got '0'")]
    [InlineData("/traffic/api/exchanges?limit=100001", HttpStatusCode.BadRequest, "got '100001'")]
    [InlineData("/traffic/jsonl?limit=-1", HttpStatusCode.BadRequest, "got '-1'")]
    [InlineData("/traffic/api/exchanges?limit=100000", HttpStatusCode.OK, "\"exchanges\"")]
    [InlineData("/traffic/api/exchanges?limit=1", HttpStatusCode.OK, "\"exchanges\"")]
    public async Task Bad_queries_say_what_was_wrong(string path, HttpStatusCode status, string says)
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Http.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_limit_keeps_the_newest()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();
        await server.Echo(session, "limit-1");
        await server.Echo(session, "limit-2");
        await Call(server.Http, "limit-2");

        var newest = Assert.Single(await Exchanges(server.Http, "?limit=1"));

        Assert.True(Carries(newest, "limit-2"));
    }

    private static void AssertHarEntry(JsonElement entry, Uri server)
    {
        Assert.True(DateTimeOffset.TryParse(entry.GetProperty("startedDateTime").GetString(), out _));
        Assert.True(entry.GetProperty("time").GetDouble() >= 0);
        var request = entry.GetProperty("request");
        Assert.Equal("POST", request.GetProperty("method").GetString());
        Assert.Equal(new Uri(server, "/mcp").ToString(), request.GetProperty("url").GetString());
        Assert.Equal("HTTP/1.1", request.GetProperty("httpVersion").GetString());
        Assert.Equal(JsonValueKind.Array, request.GetProperty("cookies").ValueKind);
        Assert.Equal(JsonValueKind.Array, request.GetProperty("queryString").ValueKind);
        Assert.All(request.GetProperty("headers").EnumerateArray(), h => Assert.False(string.IsNullOrEmpty(h.GetProperty("name").GetString())));
        Assert.Equal(-1, request.GetProperty("headersSize").GetInt32());
        Assert.True(request.GetProperty("bodySize").GetInt32() > 0);
        Assert.Equal("application/json", request.GetProperty("postData").GetProperty("mimeType").GetString());
        var response = entry.GetProperty("response");
        Assert.Equal(200, response.GetProperty("status").GetInt32());
        Assert.Equal("OK", response.GetProperty("statusText").GetString());
        Assert.Equal(JsonValueKind.Array, response.GetProperty("headers").ValueKind);
        Assert.True(response.GetProperty("content").GetProperty("size").GetInt32() > 0);
        Assert.Equal(JsonValueKind.String, response.GetProperty("redirectURL").ValueKind);
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("cache").ValueKind);
        var timings = entry.GetProperty("timings");
        Assert.All(new[] { "send", "wait", "receive" }, name => Assert.True(timings.GetProperty(name).GetDouble() >= 0));
    }
}
