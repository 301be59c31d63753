using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>tools/call answered as SSE: progress for a _meta.progressToken, cancellation, server-to-client requests.</summary>
public sealed class StreamedCallTests
{
    private static readonly Dictionary<string, string?> Fixtures = new() { ["MCP_ECHO_CONFORMANCE"] = "true" };

    private static string Call(string id, string tool, string arguments = "{}", string? progressToken = null)
    {
        var meta = progressToken is null ? "" : $$""","_meta":{"progressToken":{{progressToken}} }""";
        return $$"""{"jsonrpc":"2.0","id":{{id}},"method":"tools/call","params":{"name":"{{tool}}","arguments":{{arguments}}{{meta}} } }""";
    }

    private static async Task<SseReader> Open(EchoServerHost server, string json, string session)
    {
        var events = await server.Stream(RawMcpClient.CreatePost(json, session));
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        return events;
    }

    private static string Method(SseEvent e) => e.Json.TryGetProperty("method", out var m) ? m.GetString()! : "";

    [Fact]
    public async Task A_progress_token_on_a_default_tool_streams_a_final_progress_before_the_result()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-06-18");

        using (var events = await Open(server, Call("5", "echo", """{"message":"hi"}""", "\"tok-1\""), session))
        {
            var all = await events.ReadToEnd();

            Assert.Equal(2, all.Count);
            var progress = all[0].Json.GetProperty("params");
            Assert.Equal("notifications/progress", Method(all[0]));
            Assert.Equal("tok-1", progress.GetProperty("progressToken").GetString());
            Assert.Equal(1, progress.GetProperty("progress").GetDouble());
            Assert.Equal(5, all[1].Json.GetProperty("id").GetInt32());
            Assert.StartsWith("hi", all[1].Json.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
            Assert.All(all, e => Assert.Null(e.Id));
        }
    }

    [Fact]
    public async Task The_fixture_progress_tool_reports_rising_progress_with_the_numeric_token()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        using (var events = await Open(server, Call("7", "test_tool_with_progress", progressToken: "7"), session))
        {
            var all = await events.ReadToEnd();

            var progress = all.Where(e => Method(e) == "notifications/progress").Select(e => e.Json.GetProperty("params")).ToArray();
            Assert.Equal([0.0, 50.0, 100.0], progress.Select(p => p.GetProperty("progress").GetDouble()));
            Assert.All(progress, p => Assert.Equal(JsonValueKind.Number, p.GetProperty("progressToken").ValueKind));
            Assert.Equal(7, all[^1].Json.GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public async Task Cancelled_work_stops_and_sends_no_response()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        using (var events = await Open(server, Call("\"slow\"", "test_tool_with_progress", progressToken: "\"p\""), session))
        {
            Assert.Equal(0, (await events.Next()).Json.GetProperty("params").GetProperty("progress").GetDouble());
            using var cancel = await server.Post(
                """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"slow","reason":"test"}}""", session);
            Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);

            var rest = await events.ReadToEnd();

            Assert.DoesNotContain(rest, e => e.Json.TryGetProperty("result", out _) || e.Json.TryGetProperty("error", out _));
            Assert.True(rest.Count(e => Method(e) == "notifications/progress") < 2);
        }
    }

    [Fact]
    public async Task Cancelling_an_unknown_or_finished_request_is_ignored()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        using var unknown = await server.Post(
            """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":404}}""", session);
        using var ping = await server.Post(Requests.Ping(2), session);

        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task Sampling_is_a_real_request_to_the_client_answered_by_its_post()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25", capabilitiesJson: """{"sampling":{}}""");

        using (var events = await Open(server, Call("3", "test_sampling", """{"prompt":"Say hi"}"""), session))
        {
            var request = (await events.Next()).Json;
            Assert.Equal("sampling/createMessage", request.GetProperty("method").GetString());
            Assert.Equal("Say hi", request.GetProperty("params").GetProperty("messages")[0].GetProperty("content").GetProperty("text").GetString());
            var askedId = request.GetProperty("id").GetRawText();

            using var answer = await server.Post($$"""
                {"jsonrpc":"2.0","id":{{askedId}},"result":{"role":"assistant","content":{"type":"text","text":"Hi there"},"model":"test-model"} }
                """, session);
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);

            var result = (await events.Next()).Json;
            Assert.Equal(3, result.GetProperty("id").GetInt32());
            Assert.Equal("LLM response: Hi there", result.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }
    }

    [Theory]
    [InlineData("test_sampling", "prompt", "sampling")]
    [InlineData("test_elicitation", "message", "elicitation")]
    public async Task No_request_goes_to_a_client_that_did_not_declare_the_capability(string tool, string argument, string capability)
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25", capabilitiesJson: """{"roots":{}}""");

        using (var events = await Open(server, Call("6", tool, "{\"" + argument + "\":\"x\"}"), session))
        {
            var result = Assert.Single(await events.ReadToEnd()).Json.GetProperty("result");

            Assert.True(result.GetProperty("isError").GetBoolean());
            Assert.Contains($"'{capability}' capability", result.GetProperty("content")[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task An_elicitation_answered_with_an_error_becomes_a_tool_error()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25", capabilitiesJson: """{"elicitation":{}}""");

        using (var events = await Open(server, Call("4", "test_elicitation", """{"message":"Name?"}"""), session))
        {
            var request = (await events.Next()).Json;
            Assert.Equal("elicitation/create", request.GetProperty("method").GetString());
            Assert.Equal("object", request.GetProperty("params").GetProperty("requestedSchema").GetProperty("type").GetString());

            using var answer = await server.Post($$"""
                {"jsonrpc":"2.0","id":{{request.GetProperty("id").GetRawText()}},"error":{"code":-32601,"message":"no elicitation here"} }
                """, session);

            var result = (await events.Next()).Json.GetProperty("result");
            Assert.True(result.GetProperty("isError").GetBoolean());
            Assert.Contains("no elicitation here", result.GetProperty("content")[0].GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Log_notifications_of_a_call_respect_the_session_log_level()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");
        using var level = await server.Post("""{"jsonrpc":"2.0","id":1,"method":"logging/setLevel","params":{"level":"warning"}}""", session);

        using (var quietEvents = await Open(server, Call("2", "test_tool_with_logging"), session))
        {
            Assert.Equal(["tools/call result"], (await quietEvents.ReadToEnd()).Select(e => Method(e) == "" ? "tools/call result" : Method(e)));
        }
        using var debug = await server.Post("""{"jsonrpc":"2.0","id":3,"method":"logging/setLevel","params":{"level":"debug"}}""", session);
        using (var loudEvents = await Open(server, Call("4", "test_tool_with_logging"), session))
        {
            Assert.Equal(3, (await loudEvents.ReadToEnd()).Count(e => Method(e) == "notifications/message"));
        }
    }

    [Fact]
    public async Task Concurrent_streams_of_one_session_each_carry_only_their_own_messages()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        var calls = await Task.WhenAll(Enumerable.Range(1, 3).Select(n =>
            Open(server, Call($"{n}", "test_tool_with_progress", progressToken: $"\"t{n}\""), session)));
        var streams = await Task.WhenAll(calls.Select(events => events.ReadToEnd()));
        foreach (var events in calls)
        {
            events.Dispose();
        }

        for (var n = 1; n <= 3; n++)
        {
            var all = streams[n - 1];
            Assert.Equal(4, all.Count);
            Assert.All(all[..3], e => Assert.Equal($"t{n}", e.Json.GetProperty("params").GetProperty("progressToken").GetString()));
            Assert.Equal(n, all[3].Json.GetProperty("id").GetInt32());
        }
    }
}
