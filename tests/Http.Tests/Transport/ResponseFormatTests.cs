using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>
/// JSON or SSE: a POST is answered as text/event-stream only when the client prefers it; notifications and client
/// responses are 202 with no body.
/// </summary>
public sealed class ResponseFormatTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Theory]
    [InlineData("application/json, text/event-stream", "application/json")]
    [InlineData("text/event-stream, application/json", "text/event-stream")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json;q=0.5, text/event-stream", "text/event-stream")]
    [InlineData("text/event-stream;q=0.5, application/json", "application/json")]
    [InlineData("text/event-stream, */*", "text/event-stream")]
    public async Task The_answer_takes_the_format_the_client_prefers(string accept, string expected)
    {
        var session = await RawSession.Start(Server);

        var response = await session.Post(Requests.Echo(9, "formatted"), accept);

        Assert.Equal(expected, response.MediaType);
        Assert.Equal($"formatted\nSession: {session.Id}\nEcho count in session: 1", response.AssertToolResult("9").Text);
        if (expected == "text/event-stream")
        {
            // One event: "event: message", one data line with the whole compact JSON message, a blank line.
            var lines = response.Text.Split('\n');
            Assert.Equal(4, lines.Length);
            Assert.Equal(["event: message", "", ""], new[] { lines[0], lines[2], lines[3] });
            Assert.StartsWith("data: {\"jsonrpc\":\"2.0\",\"id\":9,\"result\":", lines[1]);
        }
        else
        {
            Assert.StartsWith("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":", response.Text);
        }
    }

    [Fact]
    public async Task Initialize_over_sse_carries_the_session_header()
    {
        var response = await RpcResponse.Read(Server.Post(Requests.Initialize(), accept: "text/event-stream, application/json"));

        Assert.Equal("text/event-stream", response.MediaType);
        var id = response.Header("Mcp-Session-Id");
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("2025-06-18", response.AssertResult("1").GetProperty("protocolVersion").GetString());
        Assert.Equal(1, await new RawSession(Server, id).Echo("over sse"));
    }

    [Fact]
    public async Task Json_rpc_errors_of_a_readable_request_follow_the_format_too()
    {
        var session = await RawSession.Start(Server);

        var response = await session.Post("""{"jsonrpc":"2.0","id":3,"method":"nope"}""", "text/event-stream, application/json");

        Assert.Equal("text/event-stream", response.MediaType);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(-32601, response.Json.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Transport_errors_are_always_json()
    {
        var response = await RpcResponse.Read(Server.Post(Requests.ToolsList, "unknown", "text/event-stream, application/json"));

        response.AssertSessionNotFound("unknown", "1");
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"x"}}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/roots/list_changed"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/unknown-to-the-server"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":77,"result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"r-1","result":{"roots":[]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":78,"error":{"code":-1,"message":"client says no"}}""")]
    public async Task Notifications_and_client_responses_are_202_with_no_body(string body)
    {
        foreach (var accept in new[] { "application/json, text/event-stream", "text/event-stream, application/json" })
        {
            var session = await RawSession.Start(Server);

            var response = await session.Post(body, accept);

            Assert.Equal(HttpStatusCode.Accepted, response.Status);
            Assert.Equal("", response.Text);
            Assert.Null(response.MediaType);
            await session.AssertIntact(0);
        }
    }

    [Fact]
    public async Task Notifications_count_as_session_activity()
    {
        var session = await RawSession.Start(Server);
        Assert.Equal(HttpStatusCode.Accepted, (await session.Post(Requests.Initialized)).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await session.Post("""{"jsonrpc":"2.0","id":1,"result":{}}""")).Status);

        var info = await session.Info();

        // initialize, the notification, the response, this call.
        Assert.Equal("4", info["Total Requests"]);
    }

    [Fact]
    public async Task Ping_answers_an_empty_result()
    {
        var session = await RawSession.Start(Server);

        var response = await session.Request("ping");

        Assert.Equal("{}", response.AssertResult().GetRawText());
    }
}
