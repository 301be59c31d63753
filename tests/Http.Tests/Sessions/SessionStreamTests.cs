using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Sessions;

public sealed class FastKeepAliveServer() : ServerFixture(("MCP_SSE_KEEPALIVE_INTERVAL", "1"));

/// <summary>GET /mcp: the session's long-lived server-to-client SSE stream.</summary>
public sealed class SessionStreamTests(FastKeepAliveServer fixture) : ServerTests<FastKeepAliveServer>(fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    [InlineData(null)]
    public async Task Get_without_event_stream_in_accept_is_406(string? accept)
    {
        var session = await RawSession.Start(Server);

        var response = await RpcResponse.Read(Server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Get, session.Id, accept)));

        response.AssertError(HttpStatusCode.NotAcceptable, -32000);
        await session.AssertIntact(0);
    }

    [Fact]
    public async Task Get_without_a_session_is_400_and_with_an_unknown_one_404()
    {
        var missing = await RpcResponse.Read(Server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Get, null, "text/event-stream")));
        var unknown = await RpcResponse.Read(Server.Http.SendAsync(
            RawMcpClient.CreateRequest(HttpMethod.Get, "no-such-session", "text/event-stream")));

        Assert.Contains("Mcp-Session-Id", missing.AssertError(HttpStatusCode.BadRequest, -32000));
        unknown.AssertSessionNotFound("no-such-session");
    }

    [Fact]
    public async Task Get_with_an_unsupported_protocol_version_header_is_400()
    {
        var session = await RawSession.Start(Server);
        var request = RawMcpClient.CreateRequest(HttpMethod.Get, session.Id, "text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");

        var response = await RpcResponse.Read(Server.Http.SendAsync(request));

        Assert.Contains("1999-01-01", response.AssertError(HttpStatusCode.BadRequest, -32000));
    }

    [Fact]
    public async Task The_headers_go_out_at_once_without_waiting_for_a_first_event()
    {
        await using var quiet = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_SSE_KEEPALIVE_INTERVAL"] = "3600" });
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(quiet);
        var clock = Stopwatch.StartNew();

        using var stream = await quiet.OpenStream(session.Id, cancel.Token);

        // Nothing will be written for an hour, so headers held back until the first write would time this out.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"headers took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(session.Id, stream.Response.Headers.GetValues("Mcp-Session-Id").Single());
        Assert.True(stream.Response.Headers.CacheControl?.NoCache, "Cache-Control: no-cache");
    }

    [Fact]
    public async Task The_stream_sends_keep_alive_comments_at_the_configured_interval()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(Server);
        var clock = Stopwatch.StartNew();

        using var stream = await Server.OpenStream(session.Id, cancel.Token);

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal(": keep-alive", await stream.ReadLine(cancel.Token));
        Assert.Equal("", await stream.ReadLine(cancel.Token));
        Assert.Equal(": keep-alive", await stream.ReadLine(cancel.Token));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"two keep-alives after {clock.Elapsed}");
    }

    [Fact]
    public async Task Log_notifications_of_tool_calls_arrive_as_numbered_message_events()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(Server);
        using var stream = await Server.OpenStream(session.Id, cancel.Token);

        (await session.Request("logging/setLevel", """{"level":"info"}""")).AssertResult();
        await session.Echo("hello");
        await session.CallTool("sessionInfo");

        var first = await NextMessage(stream, cancel.Token);
        var second = await NextMessage(stream, cancel.Token);
        Assert.Equal(("1", "echo"), (first.Id, Tool(first)));
        Assert.Equal(("2", "sessionInfo"), (second.Id, Tool(second)));
        var notification = first.Json;
        Assert.Equal("2.0", notification.GetProperty("jsonrpc").GetString());
        Assert.False(notification.TryGetProperty("id", out _));
        Assert.Equal("notifications/message", notification.GetProperty("method").GetString());
        Assert.Equal("info", notification.GetProperty("params").GetProperty("level").GetString());
        Assert.False(notification.GetProperty("params").GetProperty("data").GetProperty("isError").GetBoolean());
    }

    [Fact]
    public async Task Events_below_the_level_are_not_sent_and_queued_events_arrive_when_the_stream_opens()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(Server);

        (await session.Request("logging/setLevel", """{"level":"error"}""")).AssertResult();
        await session.Echo("filtered out");
        (await session.Request("logging/setLevel", """{"level":"debug"}""")).AssertResult();
        await session.Replay();
        using var stream = await Server.OpenStream(session.Id, cancel.Token);

        var queued = await NextMessage(stream, cancel.Token);
        Assert.Equal(("1", "replayLastEcho"), (queued.Id, Tool(queued)));
    }

    [Fact]
    public async Task Invalid_log_levels_are_invalid_params()
    {
        var session = await RawSession.Start(Server);

        foreach (var parameters in new[] { """{"level":"loud"}""", """{"level":5}""", "{}", """["info"]""" })
        {
            (await session.Request("logging/setLevel", parameters)).AssertError(HttpStatusCode.OK, -32602);
        }
        await session.AssertIntact(0);
    }

    [Fact]
    public async Task The_stream_ends_when_the_session_is_deleted()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(Server);
        using var stream = await Server.OpenStream(session.Id, cancel.Token);
        Assert.Equal(": keep-alive", await stream.ReadLine(cancel.Token));

        Assert.Equal(HttpStatusCode.OK, (await session.Delete()).Status);

        await stream.AssertEnds(cancel.Token);
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_streams_without_waiting_for_the_shutdown_timeout()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var stopping = await EchoServerHost.Start();
        var session = await RawSession.Start(stopping);
        using var stream = await stopping.OpenStream(session.Id, cancel.Token);
        var clock = Stopwatch.StartNew();

        await stopping.DisposeAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the server took {clock.Elapsed} to stop");
        await stream.AssertEnds(cancel.Token);
    }

    [Fact]
    public async Task A_second_stream_replaces_the_first()
    {
        using var cancel = new CancellationTokenSource(Deadline);
        var session = await RawSession.Start(Server);
        using var first = await Server.OpenStream(session.Id, cancel.Token);
        (await session.Request("logging/setLevel", """{"level":"info"}""")).AssertResult();

        using var second = await Server.OpenStream(session.Id, cancel.Token);
        await first.AssertEnds(cancel.Token);
        await session.Echo("to the second");

        Assert.Equal("echo", Tool(await NextMessage(second, cancel.Token)));
    }

    private static async Task<SseEvent> NextMessage(SseReader stream, CancellationToken cancel)
    {
        var next = await stream.NextEvent(cancel);
        Assert.NotNull(next);
        Assert.Equal("message", next.Event);
        Assert.NotNull(next.Id);
        return next;
    }

    private static string? Tool(SseEvent message) =>
        message.Json.GetProperty("params").GetProperty("data").GetProperty("tool").GetString();
}
