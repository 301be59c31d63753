using System.Net;

namespace AkkaMcpEcho.Http.Tests.Sessions;

/// <summary>
/// GET /mcp with Last-Event-ID after a dropped connection. Events here are the session's activity notifications
/// (notifications/message after each tools/call once logging/setLevel asked for info).
/// </summary>
public sealed class StreamResumeTests
{
    private static async Task<string> SessionWithActivityLog(EchoServerHost server)
    {
        var session = await server.Initialize("2025-11-25");
        using var level = await server.Post("""{"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"info"}}""", session);
        Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        return session;
    }

    private static async Task Echo(EchoServerHost server, string session, string message)
    {
        using var response = await server.Post($$"""
            {"jsonrpc":"2.0","id":"{{message}}","method":"tools/call","params":{"name":"echo","arguments":{"message":"{{message}}"} } }
            """, session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<SseReader> Open(EchoServerHost server, string session, string? lastEventId = null)
    {
        var events = await server.OpenStream(session, default, lastEventId is null ? [] : [("Last-Event-ID", lastEventId)]);
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        return events;
    }

    [Fact]
    public async Task No_event_is_lost_across_a_dropped_connection_while_the_buffer_holds_it()
    {
        await using var server = await EchoServerHost.Start();
        var session = await SessionWithActivityLog(server);
        var firstEvents = await Open(server, session);
        await Echo(server, session, "one");
        await Echo(server, session, "two");
        var seen = (await firstEvents.Next()).Id;
        Assert.NotNull(seen);
        firstEvents.Dispose();

        await Echo(server, session, "three");
        await Echo(server, session, "four");
        using (var events = await Open(server, session, seen))
        {
            var replayed = new List<SseEvent>();
            for (var i = 0; i < 3; i++)
            {
                replayed.Add(await events.Next());
            }
            await Echo(server, session, "five");
            var live = await events.Next();

            var ids = replayed.Append(live).Select(e => long.Parse(e.Id!)).ToArray();
            Assert.Equal(Enumerable.Range(1, 4).Select(n => long.Parse(seen) + n), ids);
            Assert.All(replayed.Append(live), e => Assert.Equal("notifications/message", e.Json.GetProperty("method").GetString()));
        }
    }

    [Fact]
    public async Task Beyond_the_buffer_a_gap_marker_says_how_many_events_were_lost()
    {
        await using var server = await EchoServerHost.Start();
        var session = await SessionWithActivityLog(server);
        for (var i = 0; i < 105; i++)
        {
            await Echo(server, session, $"m{i}");
        }

        using (var events = await Open(server, session, "0"))
        {
            var marker = await events.Next();
            Assert.Null(marker.Id);
            var data = marker.Json.GetProperty("params").GetProperty("data");
            Assert.Equal("replay-gap", data.GetProperty("event").GetString());
            Assert.Equal(5, data.GetProperty("lost").GetInt64());
            Assert.Equal("6", (await events.Next()).Id);
        }
    }

    [Fact]
    public async Task With_the_log_full_a_replay_gets_the_gap_marker_and_every_held_event()
    {
        await using var server = await EchoServerHost.Start();
        var session = await SessionWithActivityLog(server);
        for (var i = 0; i < 130; i++)
        {
            await Echo(server, session, $"m{i}");
        }

        using (var events = await Open(server, session, "0"))
        {
            AssertGapMarker(await events.Next(), lastEventId: 0, lost: 30);
            for (var id = 31; id <= 130; id++)
            {
                Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), (await events.Next()).Id);
            }
        }
    }

    [Fact]
    public async Task A_plain_get_after_the_queue_overflowed_says_how_many_events_were_lost()
    {
        await using var server = await EchoServerHost.Start();
        var session = await SessionWithActivityLog(server);
        for (var i = 0; i < 150; i++)
        {
            await Echo(server, session, $"m{i}");
        }

        using (var events = await Open(server, session))
        {
            AssertGapMarker(await events.Next(), lastEventId: 0, lost: 50);
            Assert.Equal("51", (await events.Next()).Id);
        }
    }

    internal static void AssertGapMarker(SseEvent marker, long lastEventId, long lost)
    {
        Assert.Null(marker.Id);
        Assert.Equal("notifications/message", marker.Json.GetProperty("method").GetString());
        Assert.Equal("warning", marker.Json.GetProperty("params").GetProperty("level").GetString());
        var data = marker.Json.GetProperty("params").GetProperty("data");
        Assert.Equal("replay-gap", data.GetProperty("event").GetString());
        Assert.Equal(lastEventId, data.GetProperty("lastEventId").GetInt64());
        Assert.Equal(lost, data.GetProperty("lost").GetInt64());
        Assert.Equal(lastEventId + lost + 1, data.GetProperty("nextHeldId").GetInt64());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("999")]
    public async Task A_last_event_id_the_session_never_sent_gets_400(string lastEventId)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");

        using var response = await server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream",
            ("Last-Event-ID", lastEventId)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32000, await RpcResponse.ErrorCode(response));
    }
}
