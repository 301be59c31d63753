using System.Diagnostics;
using System.Net;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// The faults that answer in place of the request, over raw HTTP, with their exact wire result: status=N, rpc-error=N,
/// drop, and delay before an answer. Each is labelled by Echo-Fault-Applied, and the request did not run.
/// </summary>
public sealed class FaultStatusTests(FaultServer fixture) : ServerTests<FaultServer>(fixture)
{
    [Theory]
    [InlineData(403, "Forbidden", -32000)]
    [InlineData(404, "Not Found", -32001)]
    [InlineData(408, "Request Timeout", -32000)]
    [InlineData(413, "Payload Too Large", -32000)]
    [InlineData(429, "Too Many Requests", -32000)]
    [InlineData(500, "Internal Server Error", -32000)]
    [InlineData(502, "Bad Gateway", -32000)]
    [InlineData(503, "Service Unavailable", -32000)]
    public async Task A_status_fault_answers_that_status_with_a_json_rpc_error_and_the_request_does_not_run(int status, string phrase, int code)
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Echo(5, "not run"), session.Id, $"status={status}");

        Assert.Equal(
            $$$"""{"jsonrpc":"2.0","id":5,"error":{"code":{{{code}}},"message":"{{{phrase}}} (injected fault: status={{{status}}})"}}""",
            response.Text);
        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal($"status={status} (header)", response.Header("Echo-Fault-Applied"));
        Assert.Equal(1, await session.Echo("the first echo"));
    }

    [Fact]
    public async Task Status_401_carries_a_bearer_challenge()
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "status=401");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("Bearer realm=\"mcp-echo\", error=\"invalid_token\", error_description=\"injected fault\"", response.Header("WWW-Authenticate"));
        Assert.Equal("""{"jsonrpc":"2.0","id":5,"error":{"code":-32000,"message":"Unauthorized (injected fault: status=401)"}}""", response.Text);
    }

    [Theory]
    [InlineData("status=503; retry-after=2", 503, "2")]
    [InlineData("status=429; retry-after=0; message=slow down", 429, "0")]
    public async Task Status_429_and_503_carry_retry_after_and_a_message_replaces_the_errors(string fault, int status, string retryAfter)
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, fault);

        Assert.Equal((HttpStatusCode)status, response.Status);
        Assert.Equal(retryAfter, response.Header("Retry-After"));
        Assert.Equal($"{fault} (header)", response.Header("Echo-Fault-Applied"));
        Assert.Equal(fault.Contains("message", StringComparison.Ordinal) ? "slow down" : "Service Unavailable (injected fault: status=503; retry-after=2)",
            response.AssertError((HttpStatusCode)status, -32000, "5"));
    }

    [Fact]
    public async Task An_rpc_error_fault_is_a_json_rpc_error_for_the_request_with_http_200()
    {
        var session = await RawSession.Start(Server);

        var plain = await FaultRequests.Post(Server, Requests.Echo(5, "x"), session.Id, "rpc-error=-32603");
        var named = await FaultRequests.Post(Server, Requests.Echo(6, "x"), session.Id, "rpc-error=1234; message=the tool is down");

        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.Equal("""{"jsonrpc":"2.0","id":5,"error":{"code":-32603,"message":"Injected fault: rpc-error=-32603"}}""", plain.Text);
        Assert.Equal("""{"jsonrpc":"2.0","id":6,"error":{"code":1234,"message":"the tool is down"}}""", named.Text);
        Assert.Equal("rpc-error=1234; message=the tool is down (header)", named.Header("Echo-Fault-Applied"));
        Assert.Equal(1, await session.Echo("the first echo"));
    }

    [Fact]
    public async Task A_drop_closes_the_connection_before_any_answer()
    {
        var session = await RawSession.Start(Server);

        await Assert.ThrowsAsync<HttpRequestException>(() => Server.Http.SendAsync(
            RawMcpClient.CreatePost(Requests.Echo(5, "dropped"), session.Id, headers: FaultRequests.Headers("drop", "2025-06-18"))));

        Assert.Equal(1, await session.Echo("the first echo"));
    }

    [Fact]
    public async Task A_delay_answers_normally_no_sooner_than_it_says()
    {
        var session = await RawSession.Start(Server);
        var clock = Stopwatch.StartNew();

        var response = await FaultRequests.Post(Server, Requests.Echo(5, "late"), session.Id, "delay=400");

        Assert.True(clock.ElapsedMilliseconds >= 400, $"answered after {clock.ElapsedMilliseconds} ms");
        Assert.StartsWith("late\n", response.AssertToolResult("5").Text);
        Assert.Equal("delay=400 (header)", response.Header("Echo-Fault-Applied"));
    }

    [Fact]
    public async Task The_2026_revision_gets_the_same_faults_and_a_refused_handle_call_does_not_run()
    {
        var handle = await FaultRequests.MintHandle(Server);

        var refused = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("echo", """{"message":"x"}""", handle, "status=503; retry-after=1")));
        var error = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("sessionInfo", handle: handle, fault: "rpc-error=-32000")));
        var info = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("sessionInfo", handle: handle)));

        Assert.Equal("1", refused.Header("Retry-After"));
        refused.AssertError(HttpStatusCode.ServiceUnavailable, -32000, "7");
        error.AssertError(HttpStatusCode.OK, -32000, "7");
        Assert.Contains("- Echo Count: 1\n", FaultRequests.ToolText(info.AssertResult("7")));
    }
}
