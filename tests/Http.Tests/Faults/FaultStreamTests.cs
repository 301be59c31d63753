using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// The faults that act on an answer's frames or headers, over raw HTTP with their exact wire result: slow-stream,
/// drop-stream-after, malformed=json|sse|content-type, header-mismatch.
/// </summary>
public sealed class FaultStreamTests(FaultServer fixture) : ServerTests<FaultServer>(fixture)
{
    private const string ProgressEcho = """{"jsonrpc":"2.0","id":8,"method":"tools/call","params":{"name":"echo","arguments":{"message":"streamed"},"_meta":{"progressToken":"p"}}}""";

    [Fact]
    public async Task Slow_stream_drips_each_event_of_a_streamed_answer_with_its_gap()
    {
        var session = await RawSession.Start(Server);
        using var stream = await Server.Stream(RawMcpClient.CreatePost(ProgressEcho, session.Id,
            headers: FaultRequests.Headers("slow-stream=300", "2025-06-18")));
        var clock = Stopwatch.StartNew();

        var progress = await stream.Next();
        var atProgress = clock.ElapsedMilliseconds;
        var result = await stream.Next();
        var atResult = clock.ElapsedMilliseconds;

        Assert.Equal("notifications/progress", progress.Json.GetProperty("method").GetString());
        Assert.Equal(8, result.Json.GetProperty("id").GetInt32());
        Assert.True(atResult - atProgress >= 250, $"the result came {atResult - atProgress} ms after the progress");
        Assert.Equal("slow-stream=300 (header)", stream.Response.Headers.GetValues("Echo-Fault-Applied").Single());
    }

    [Fact]
    public async Task Drop_stream_after_ends_the_answer_after_k_events_without_the_response()
    {
        var session = await RawSession.Start(Server);
        using var stream = await Server.Stream(RawMcpClient.CreatePost(ProgressEcho, session.Id,
            headers: FaultRequests.Headers("drop-stream-after=1", "2025-06-18")));

        var events = await stream.ReadToEnd();

        Assert.Equal("notifications/progress", Assert.Single(events).Json.GetProperty("method").GetString());
        // The call ran; only its answer was cut.
        Assert.Equal(2, await session.Echo("the session goes on"));
    }

    [Fact]
    public async Task Drop_stream_after_zero_on_a_json_answer_leaves_an_empty_body()
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "drop-stream-after=0");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("", response.Text);
        Assert.Equal("0", response.Header("Content-Length"));
    }

    [Fact]
    public async Task Malformed_json_cuts_the_answer_to_its_first_half()
    {
        var session = await RawSession.Start(Server);
        var whole = (await FaultRequests.Post(Server, Requests.Ping(5), session.Id, null)).Text;

        var cut = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "malformed=json");

        Assert.Equal("""{"jsonrpc":"2.0","id":5,"result":{}}""", whole);
        Assert.Equal(whole[..(whole.Length / 2)], cut.Text);
        Assert.Equal("application/json", cut.MediaType);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut.Text));
    }

    [Fact]
    public async Task Malformed_json_in_a_streamed_answer_cuts_each_events_data()
    {
        var session = await RawSession.Start(Server);
        using var response = await Server.Http.SendAsync(RawMcpClient.CreatePost(ProgressEcho, session.Id,
            headers: FaultRequests.Headers("malformed=json", "2025-06-18")));

        var text = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\"", text);
        Assert.DoesNotContain("progressToken", text);
        Assert.All(text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries), e => Assert.False(e.TrimEnd().EndsWith('}'), e));
    }

    [Fact]
    public async Task Malformed_sse_sends_the_message_as_an_event_without_its_data_field()
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "malformed=sse");

        Assert.Equal("text/event-stream", response.MediaType);
        Assert.Equal("event: message\n{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}\n\n", response.Text);
    }

    [Fact]
    public async Task Malformed_content_type_sends_the_right_body_as_text_plain()
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "malformed=content-type");

        Assert.Equal("text/plain", response.MediaType);
        Assert.Equal("""{"jsonrpc":"2.0","id":5,"result":{}}""", response.Text);
    }

    [Fact]
    public async Task Header_mismatch_answers_a_session_request_with_another_session_id_and_leaves_the_next_request_alone()
    {
        var session = await RawSession.Start(Server);

        var mismatched = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "header-mismatch");
        var next = await FaultRequests.Post(Server, Requests.Ping(6), session.Id, null);

        var wrong = mismatched.Header("Mcp-Session-Id");
        Assert.True(Guid.TryParse(wrong, out _), wrong);
        Assert.NotEqual(session.Id, wrong);
        Assert.Equal("header-mismatch (header)", mismatched.Header("Echo-Fault-Applied"));
        mismatched.AssertResult("5");
        Assert.Null(next.Header("Mcp-Session-Id"));
        Assert.Null(next.Header("Echo-Fault-Applied"));
    }

    [Fact]
    public async Task Header_mismatch_on_initialize_names_another_session_than_the_one_created()
    {
        var response = await RpcResponse.Read(Server.Http.SendAsync(RawMcpClient.CreatePost(Requests.Initialize(), headers: [("Echo-Fault", "header-mismatch")])));

        var named = response.Header("Mcp-Session-Id")!;
        var ping = await FaultRequests.Post(Server, Requests.Ping(2), named, null);
        ping.AssertSessionNotFound(named, "2");
    }

    [Fact]
    public async Task Header_mismatch_answers_a_2026_request_with_another_protocol_version()
    {
        var response = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.ModernList("header-mismatch")));
        var version = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.ModernList("header-mismatch=protocol-version")));

        Assert.Equal("2024-11-05", response.Header("MCP-Protocol-Version"));
        Assert.Equal("2024-11-05", version.Header("MCP-Protocol-Version"));
        response.AssertResult("7");
    }
}
