using System.Net;
using System.Text.Json;
using static AkkaMcpEcho.Http.Tests.Traffic.TrafficApi;

namespace AkkaMcpEcho.Http.Tests.Traffic;

/// <summary>What the traffic recording keeps of each exchange on /mcp, in both generations, and what it leaves out.</summary>
public sealed class TrafficRecordingTests
{
    private const string Token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmFmZmljLXRlc3QifQ.c2lnbmF0dXJlLW9mLWEtdG9rZW4tdGhhdC1tdXN0LW5vdC1sZWFr";

    [Fact]
    public async Task A_session_call_is_recorded_with_its_headers_bodies_session_and_tool()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");

        using (await server.Post(Requests.Echo(5, "recorded-call"), session, ("MCP-Protocol-Version", "2025-11-25"), ("X-Trace", "t-1")))
        {
        }

        var call = await Call(server.Http, "recorded-call");
        Assert.Equal(("legacy", "2025-11-25", session, "session"), (call.GetProperty("era").GetString(), call.GetProperty("protocolVersion").GetString(),
            call.GetProperty("session").GetString(), call.GetProperty("sessionKind").GetString()));
        Assert.Equal(("tools/call", "5", "echo"), (call.GetProperty("method").GetString(), call.GetProperty("rpcId").GetString(), call.GetProperty("tool").GetString()));
        Assert.Equal(("POST", "/mcp", 200, "answered"), (call.GetProperty("httpMethod").GetString(), call.GetProperty("path").GetString(),
            call.GetProperty("status").GetInt32(), call.GetProperty("end").GetString()));
        Assert.Equal("t-1", Header(call, "requestHeaders", "X-Trace"));
        Assert.Equal(session, Header(call, "requestHeaders", "Mcp-Session-Id"));
        Assert.Equal("application/json", Header(call, "responseHeaders", "Content-Type"));
        Assert.Equal(Requests.Echo(5, "recorded-call"), Text(call, "requestBody"));
        Assert.Contains($"recorded-call\\nSession: {session}", Text(call, "responseBody"));
        Assert.True(call.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Credentials_are_shortened_everywhere_unless_revealed()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();
        var body = Requests.Echo(6, "token " + Token);
        using (await server.Post(body, session, ("Authorization", "Bearer " + Token), ("Cookie", "sid=" + Token), ("X-Auth-Token", Token)))
        {
        }

        var call = await Call(server.Http, "token ");
        Assert.StartsWith("Bearer eyJhbGci...", Header(call, "requestHeaders", "Authorization"));
        Assert.StartsWith("sid=", Header(call, "requestHeaders", "Cookie"));
        foreach (var path in new[] { "/traffic/api/exchanges", "/traffic/jsonl", "/traffic/har", $"/traffic/api/sessions/{session}" })
        {
            Assert.DoesNotContain(Token, await server.Http.GetStringAsync(path));
            Assert.DoesNotContain(Token[..40], await server.Http.GetStringAsync(path));
        }

        await using var revealing = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_TRAFFIC_REVEAL_SECRETS"] = "true" });
        var other = await revealing.Initialize();
        using (await revealing.Post(body, other, ("Authorization", "Bearer " + Token)))
        {
        }
        Assert.Equal("Bearer " + Token, Header(await Call(revealing.Http, "token "), "requestHeaders", "Authorization"));
    }

    [Fact]
    public async Task A_modern_call_is_recorded_with_its_handle_and_a_refusal_with_its_diagnosis()
    {
        await using var server = await EchoServerHost.Start();
        const string meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
        var minting = $$$"""{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"echo","arguments":{"message":"modern-mint","session":"new"},{{{meta}}}}}""";
        (string, string)[] headers = [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", "echo")];

        using (var refused = await server.Post(minting, null, headers))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        using (var minted = await server.Post(minting, null, [.. headers, ("Mcp-Param-Session", "new")]))
        {
            Assert.Equal(HttpStatusCode.OK, minted.StatusCode);
        }

        var both = await Until(server.Http, list => list.Count(e => Carries(e, "modern-mint")) == 2);
        var (refusal, call) = (both[0], both[1]);
        Assert.Equal(("modern", 400), (refusal.GetProperty("era").GetString(), refusal.GetProperty("status").GetInt32()));
        Assert.Equal(JsonValueKind.Null, refusal.GetProperty("session").ValueKind);
        var error = refusal.GetProperty("error");
        Assert.Equal(-32020, error.GetProperty("code").GetInt32());
        Assert.Contains("Mcp-Param-Session", error.GetProperty("message").GetString());
        Assert.Equal("Mcp-Param-Session", JsonElement.Parse(error.GetProperty("data").GetString()!).GetProperty("header").GetString());

        var handle = call.GetProperty("session").GetString()!;
        Assert.Equal(("modern", "2026-07-28", "handle"), (call.GetProperty("era").GetString(), call.GetProperty("protocolVersion").GetString(),
            call.GetProperty("sessionKind").GetString()));
        Assert.Contains($"Session: {handle}", Text(call, "responseBody"));
        // A session's ring gets its exchanges in batches, a moment after the node's.
        var kept = await Eventually.Until(() => TrafficApi.Get(server.Http, $"/traffic/api/sessions/{handle}"),
            page => page.GetProperty("exchanges").GetArrayLength() > 0, TimeSpan.FromSeconds(10), "the handle's ring");
        Assert.Equal("handle", kept.GetProperty("session").GetProperty("kind").GetString());
        Assert.Equal(call.GetProperty("id").GetString(), Assert.Single(kept.GetProperty("exchanges").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_streamed_answer_is_recorded_event_by_event_with_offsets()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        using (var response = await server.Post(
            """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"message":"streamed-call"},"_meta":{"progressToken":"p"}}}""", session))
        {
            await response.Content.ReadAsStringAsync();
        }

        var call = await Call(server.Http, "streamed-call");
        var events = call.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, call.GetProperty("responseBody").ValueKind);
        Assert.Equal("text/event-stream", Header(call, "responseHeaders", "Content-Type"));
        Assert.Contains(events, e => e.GetProperty("text").GetString()!.Contains("notifications/progress", StringComparison.Ordinal));
        Assert.Contains("\"id\":8", events[^1].GetProperty("text").GetString());
        var offsets = events.Select(e => e.GetProperty("offsetMs").GetDouble()).ToList();
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal("answered", call.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Bodies_are_cut_at_the_cap_and_the_cut_is_marked()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_TRAFFIC_BODY_BYTES"] = "1024" });
        var session = await server.Initialize();
        var exact = Requests.Echo(11, "edge-a" + new string('x', 1024 - Requests.Echo(11, "edge-a").Length));
        var over = Requests.Echo(12, "edge-b" + new string('y', 1025 - Requests.Echo(12, "edge-b").Length));
        Assert.Equal((1024, 1025), (exact.Length, over.Length));
        using (await server.Post(exact, session))
        {
        }
        using (await server.Post(over, session))
        {
        }

        var atCap = (await Call(server.Http, "edge-a")).GetProperty("requestBody");
        var pastCap = (await Call(server.Http, "edge-b")).GetProperty("requestBody");
        Assert.Equal((1024, false, exact), (atCap.GetProperty("bytes").GetInt32(), atCap.GetProperty("truncated").GetBoolean(), atCap.GetProperty("text").GetString()));
        Assert.Equal((1025, true, over[..1024]), (pastCap.GetProperty("bytes").GetInt32(), pastCap.GetProperty("truncated").GetBoolean(), pastCap.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task The_rings_keep_the_newest_and_count_what_they_dropped()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_TRAFFIC_EXCHANGES"] = "4",
            ["MCP_TRAFFIC_SESSION_EXCHANGES"] = "3",
        });
        var session = await server.Initialize();
        for (var i = 1; i <= 5; i++)
        {
            await server.Echo(session, $"ring-{i}");
        }

        var node = await Eventually.Until(() => TrafficApi.Get(server.Http, "/traffic/api/exchanges"),
            page => page.GetProperty("exchanges").EnumerateArray().Any(e => Carries(e, "ring-5")), TimeSpan.FromSeconds(10), "ring-5");
        Assert.Equal(["ring-2", "ring-3", "ring-4", "ring-5"], node.GetProperty("exchanges").EnumerateArray().Select(Marker));
        Assert.Equal(2, node.GetProperty("evicted").GetInt64());
        var own = await Eventually.Until(() => TrafficApi.Get(server.Http, $"/traffic/api/sessions/{session}"),
            page => page.GetProperty("exchanges").EnumerateArray().Any(e => Carries(e, "ring-5")), TimeSpan.FromSeconds(10), "ring-5");
        // The session's ring holds its calls (its initialize is the node ring's, which dropped it already).
        Assert.Equal(["ring-3", "ring-4", "ring-5"], own.GetProperty("exchanges").EnumerateArray().Select(Marker));
        Assert.Equal(2, own.GetProperty("evicted").GetInt32());
        Assert.Equal(6, own.GetProperty("session").GetProperty("requests").GetInt64());
        Assert.Equal(5, own.GetProperty("session").GetProperty("echoes").GetInt32());
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_is_recorded_as_text_and_every_export_still_answers()
    {
        await using var server = await EchoServerHost.Start();
        using var content = new ByteArrayContent([.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"not-utf8-"u8, 0xFF, 0xC3, .. "\"}"u8]);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = content };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        using (var refused = await server.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var call = await Call(server.Http, "not-utf8-");
        Assert.EndsWith("not-utf8-\uFFFD\uFFFD\"}", Text(call, "requestBody"));
        foreach (var path in new[] { "/traffic/api/exchanges", "/traffic/jsonl", "/traffic/har" })
        {
            using var export = await server.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        }
    }

    [Fact]
    public async Task A_sessions_view_starts_with_its_initialize_from_the_node_ring()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();
        await server.Echo(session, "ring-1");

        var own = await Eventually.Until(() => TrafficApi.Get(server.Http, $"/traffic/api/sessions/{session}"),
            page => page.GetProperty("exchanges").EnumerateArray().Any(e => Carries(e, "ring-1")), TimeSpan.FromSeconds(10), "ring-1");

        Assert.Equal(["initialize", "tools/call"], own.GetProperty("exchanges").EnumerateArray().Select(e => e.GetProperty("method").GetString()));
        Assert.Equal(0, own.GetProperty("evicted").GetInt32());
    }

    [Fact]
    public async Task Recording_off_records_nothing_and_the_page_says_so()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_TRAFFIC_ENABLED"] = "false" });
        var session = await server.Initialize();
        await server.Echo(session, "not-recorded");

        Assert.Empty(await Exchanges(server.Http));
        var own = await TrafficApi.Get(server.Http, $"/traffic/api/sessions/{session}");
        Assert.Empty(own.GetProperty("exchanges").EnumerateArray());
    }

    private static string Marker(JsonElement exchange) =>
        System.Text.RegularExpressions.Regex.Match(Text(exchange, "requestBody"), "ring-[0-9]+").Value;
}
