using System.Net;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// Faults on a session's or handle's state (expire-session, tools-changed), the rules injectFault arranges, and
/// isolation: a fault reaches no other session and no later request unless a rule says so.
/// </summary>
public sealed class FaultSessionTests(FaultServer fixture) : ServerTests<FaultServer>(fixture)
{
    [Fact]
    public async Task Expire_session_answers_the_request_then_the_session_is_gone()
    {
        var session = await RawSession.Start(Server);

        var last = await FaultRequests.Post(Server, Requests.Echo(5, "last words"), session.Id, "expire-session");
        var after = await FaultRequests.Post(Server, Requests.Ping(6), session.Id, null);

        Assert.StartsWith("last words\n", last.AssertToolResult("5").Text);
        Assert.Equal("expire-session (header)", last.Header("Echo-Fault-Applied"));
        after.AssertSessionNotFound(session.Id, "6");
    }

    [Fact]
    public async Task Expire_session_on_initialize_ends_the_new_session_at_once()
    {
        var init = await RpcResponse.Read(Server.Http.SendAsync(RawMcpClient.CreatePost(Requests.Initialize(), headers: [("Echo-Fault", "expire-session")])));
        var id = init.Header("Mcp-Session-Id")!;

        (await FaultRequests.Post(Server, Requests.Ping(2), id, null)).AssertSessionNotFound(id, "2");
    }

    [Fact]
    public async Task Expire_session_ends_a_handle_whose_next_call_gets_the_unknown_handle_error()
    {
        var handle = await FaultRequests.MintHandle(Server);

        var last = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("echo", """{"message":"bye"}""", handle, "expire-session")));
        var after = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("echo", """{"message":"again"}""", handle)));

        Assert.StartsWith("bye\n", FaultRequests.ToolText(last.AssertResult("7")));
        var result = after.AssertResult("7");
        Assert.True(result.GetProperty("isError").GetBoolean());
        Assert.StartsWith($"Unknown session handle '{handle}'", FaultRequests.ToolText(result));
    }

    [Fact]
    public async Task Tools_changed_notifies_the_sessions_stream_and_changes_its_next_tools_list_only()
    {
        var session = await RawSession.Start(Server, "2025-11-25");
        using var events = await Server.OpenStream(session.Id);
        var before = await session.Request("tools/list");

        var changing = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "tools-changed", "2025-11-25");
        var notice = await events.Next();
        var changed = await session.Request("tools/list");
        var again = await session.Request("tools/list");

        changing.AssertResult("5");
        Assert.Equal("notifications/tools/list_changed", notice.Json.GetProperty("method").GetString());
        var echo = changed.AssertResult().GetProperty("tools")[0];
        Assert.Equal("Echo back the provided message (changed by an injected tools-changed fault)", echo.GetProperty("description").GetString());
        Assert.Equal("tools-changed", echo.GetProperty("inputSchema").GetProperty("x-echo-fault").GetString());
        Assert.Equal(before.AssertResult().GetRawText(), again.AssertResult().GetRawText());
    }

    [Fact]
    public async Task Tools_changed_on_a_2026_tools_list_answers_the_changed_tools()
    {
        var changed = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.ModernList("tools-changed")));
        var plain = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.ModernList()));

        Assert.EndsWith("(changed by an injected tools-changed fault)", changed.AssertResult("7").GetProperty("tools")[0].GetProperty("description").GetString());
        Assert.Equal("Echo back the provided message", plain.AssertResult("7").GetProperty("tools")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_inject_fault_rule_applies_to_the_next_matching_requests_of_its_session_only_and_then_goes()
    {
        var session = await RawSession.Start(Server);
        var other = await RawSession.Start(Server);

        var armed = await session.CallTool("injectFault", """{"fault":"status=503; retry-after=1","count":2,"method":"ping"}""");
        var echo = await session.Echo("not a ping");
        var first = await FaultRequests.Post(Server, Requests.Ping(6), session.Id, null);
        var otherPing = await FaultRequests.Post(Server, Requests.Ping(7), other.Id, null);
        var second = await FaultRequests.Post(Server, Requests.Ping(8), session.Id, null);
        var third = await FaultRequests.Post(Server, Requests.Ping(9), session.Id, null);

        var text = armed.AssertToolResult().Text;
        Assert.StartsWith("Fault rule s2: status=503; retry-after=1, method ping, 2 more request(s); armed for this session", text);
        Assert.Equal(1, echo);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("status=503; retry-after=1 (session rule s2)", first.Header("Echo-Fault-Applied"));
        otherPing.AssertResult("7");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        third.AssertResult("9");
        Assert.Null(third.Header("Echo-Fault-Applied"));
    }

    [Fact]
    public async Task Inject_fault_arms_a_handle_in_2026_and_refuses_without_one()
    {
        var handle = await FaultRequests.MintHandle(Server);

        var stateless = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("injectFault", """{"fault":"drop"}""")));
        var armed = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("injectFault", """{"fault":"rpc-error=-32099","tool":"echo"}""", handle)));
        var hit = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("echo", """{"message":"x"}""", handle)));
        var without = await RpcResponse.Read(Server.Http.SendAsync(FaultRequests.Modern("echo", """{"message":"x"}""")));

        Assert.True(stateless.AssertResult("7").GetProperty("isError").GetBoolean());
        Assert.Contains("for this handle", FaultRequests.ToolText(armed.AssertResult("7")));
        hit.AssertError(HttpStatusCode.OK, -32099, "7");
        Assert.StartsWith("rpc-error=-32099 (handle rule s", hit.Header("Echo-Fault-Applied"));
        without.AssertResult("7");
    }

    [Theory]
    [InlineData("""{"fault":"nope"}""", "Bad fault request: fault: unknown effect 'nope'")]
    [InlineData("""{"fault":"delay=10","count":1001}""", "Bad fault request: count: expected a whole number from 1 to 1000, got 1001")]
    [InlineData("""{"fault":"delay=10","probability":0}""", "Bad fault request: probability: expected a percentage from 1 to 100, got 0")]
    [InlineData("""{}""", "Bad fault request: fault: required")]
    public async Task A_bad_inject_fault_request_is_a_tool_error_naming_the_problem(string arguments, string problem)
    {
        var session = await RawSession.Start(Server);

        var (text, isError) = (await session.CallTool("injectFault", arguments)).AssertToolResult();

        Assert.True(isError);
        Assert.StartsWith(problem, text);
    }

    [Fact]
    public async Task A_fault_on_session_a_leaves_a_concurrent_session_b_untouched()
    {
        var a = await RawSession.Start(Server);
        var b = await RawSession.Start(Server);

        var slowA = FaultRequests.Post(Server, Requests.Echo(5, "a"), a.Id, "delay=1500");
        var bEchoes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            bEchoes.Add(await b.Echo($"b {i}"));
        }
        var failingA = await FaultRequests.Post(Server, Requests.Echo(6, "a"), a.Id, "status=500");
        var answerA = await slowA;

        Assert.Equal([1, 2, 3, 4, 5], bEchoes);
        Assert.Equal("delay=1500 (header)", answerA.Header("Echo-Fault-Applied"));
        Assert.Equal(HttpStatusCode.InternalServerError, failingA.Status);
        await b.AssertIntact(5);
        await a.AssertIntact(1);
    }

    [Fact]
    public async Task A_one_request_header_fault_leaves_the_next_request_untouched()
    {
        var session = await RawSession.Start(Server);

        var faulted = await FaultRequests.Post(Server, Requests.Echo(5, "x"), session.Id, "status=502");
        var next = await FaultRequests.Post(Server, Requests.Echo(6, "y"), session.Id, null);

        Assert.Equal(HttpStatusCode.BadGateway, faulted.Status);
        Assert.Equal("y\nSession: " + session.Id + "\nEcho count in session: 1", next.AssertToolResult("6").Text);
        Assert.Null(next.Header("Echo-Fault-Applied"));
    }
}
