using System.Net;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>SEP-1699 on 2025-11-25 sessions: priming events, a closed POST connection, resumption by GET + Last-Event-ID.</summary>
public sealed class CallResumeTests
{
    private static readonly Dictionary<string, string?> Fixtures = new() { ["MCP_ECHO_CONFORMANCE"] = "true" };
    private const string Reconnect = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_reconnection"}}""";

    private static async Task<SseReader> Send(EchoServerHost server, HttpRequestMessage request)
    {
        var events = await server.Stream(request);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        return events;
    }

    [Fact]
    public async Task A_closed_post_stream_is_resumed_by_get_with_its_last_event_id()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        var postEvents = await Send(server, RawMcpClient.CreatePost(Reconnect, session));
        List<SseEvent> onPost;
        using (postEvents)
        {
            onPost = await postEvents.ReadToEnd();
            Assert.Empty(onPost);
            Assert.Equal(2, postEvents.Empty.Count);
            Assert.EndsWith("/0", postEvents.Empty[0].Id);
            Assert.Equal(500, postEvents.Empty[1].Retry);
        }
        var lastId = postEvents.Empty[^1].Id!;

        var getEvents = await Send(server,
            RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream", ("Last-Event-ID", lastId)));
        using (getEvents)
        {
            var resumed = await getEvents.ReadToEnd();

            var response = Assert.Single(resumed).Json;
            Assert.Equal(1, response.GetProperty("id").GetInt32());
            Assert.Equal("Reconnection test completed successfully",
                response.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        }

        using var again = await server.Http.SendAsync(
            RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream", ("Last-Event-ID", lastId)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Every_event_of_a_resumable_call_has_an_id_after_a_priming_event()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        using (var events = await Send(server, RawMcpClient.CreatePost(
            """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_tool_with_progress","_meta":{"progressToken":2}}}""",
            session)))
        {
            var all = await events.ReadToEnd();

            Assert.Equal(4, all.Count);
            Assert.Single(events.Empty);
            var ids = all.Select(e => e.Id!).Prepend(events.Empty[0].Id!).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches("^call-[0-9]+/[0-9]+$", id));
        }
    }

    [Fact]
    public async Task Older_sessions_get_no_priming_and_no_disconnect()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-06-18");

        using (var events = await Send(server, RawMcpClient.CreatePost(Reconnect, session)))
        {
            var all = await events.ReadToEnd();

            Assert.Empty(events.Empty);
            Assert.Null(Assert.Single(all).Id);
            Assert.Equal(1, all[0].Json.GetProperty("id").GetInt32());
        }
    }

    [Theory]
    [InlineData("call-99/0")]
    [InlineData("call-x/1")]
    public async Task A_call_id_that_names_no_running_call_is_refused(string lastEventId)
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        using var response = await server.Http.SendAsync(
            RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream", ("Last-Event-ID", lastEventId)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32000, await RpcResponse.ErrorCode(response));
    }
}
