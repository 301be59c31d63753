using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>
/// Bodies that are not valid JSON-RPC, or name what does not exist: each gets its exact HTTP status and JSON-RPC
/// code, and the session it was sent on loses nothing.
/// </summary>
public sealed class InvalidMessageTests(AllVersionsServer fixture) : ServerTests<AllVersionsServer>(fixture)
{
    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} trailing")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}{}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"/* comment */}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"")]
    public async Task A_body_that_is_not_JSON_is_a_parse_error(string body)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32700, "null");
        Assert.StartsWith("Parse error", message);
    }

    [Fact]
    public async Task Invalid_utf8_and_nesting_too_deep_to_read_are_parse_errors()
    {
        var session = await RawSession.Start(Server);
        var invalidUtf8 = RawMcpClient.CreatePost("", session.Id);
        invalidUtf8.Content = new ByteArrayContent([.. "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
        invalidUtf8.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var deep = new string('[', 1000) + new string(']', 1000);

        (await RpcResponse.Read(Server.Http.SendAsync(invalidUtf8))).AssertError(HttpStatusCode.BadRequest, -32700);
        (await session.Post(Requests.Echo(1, "x").Replace("\"x\"", deep, StringComparison.Ordinal)))
            .AssertError(HttpStatusCode.BadRequest, -32700);

        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"\uD800"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"\uDC00","method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"a\uD800b"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"\uDC00x","arguments":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"\uD800":1}}}""")]
    public async Task A_lone_surrogate_escape_is_a_parse_error(string body)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32700, "null");
        Assert.Contains("surrogate", message);
    }

    [Fact]
    public async Task An_initialize_with_a_lone_surrogate_escape_is_a_parse_error()
    {
        var response = await RpcResponse.Read(Server.Post(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","clientInfo":{"name":"\uD800"}}}"""));

        response.AssertError(HttpStatusCode.BadRequest, -32700);
    }

    [Fact]
    public async Task Valid_surrogate_pairs_and_escapes_are_echoed_as_text()
    {
        var session = await RawSession.Start(Server);

        var response = await session.Post(
            """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"\uD83D\uDE00 \u00e9\n\"q\""}}}""");

        Assert.StartsWith("😀 é\n\"q\"\nSession: ", response.AssertToolResult("1").Text);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("\"hello\"")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]")]
    public async Task JSON_that_is_not_a_message_object_is_an_invalid_request(string body)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32600, "null");
        Assert.StartsWith("Invalid Request", message);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("true")]
    public async Task An_id_that_is_not_a_string_or_integer_is_an_invalid_request(string id)
    {
        var message = await SendOnLiveSession($$"""{"jsonrpc":"2.0","id":{{id}},"method":"ping"}""",
            HttpStatusCode.BadRequest, -32600, "null");
        Assert.Contains("id", message);
    }

    [Theory]
    [InlineData("""{"id":7,"method":"ping"}""", "7")]
    [InlineData("""{"jsonrpc":"1.0","id":"abc","method":"ping"}""", "\"abc\"")]
    [InlineData("""{"jsonrpc":2.0,"id":8,"method":"ping"}""", "8")]
    [InlineData("""{"jsonrpc":null,"id":9,"method":"tools/list"}""", "9")]
    public async Task A_wrong_or_missing_jsonrpc_version_is_an_invalid_request_that_keeps_the_id(string body, string id)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32600, id);
        Assert.Contains("jsonrpc", message);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":9,"method":5}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":9,"method":""}""", "9")]
    [InlineData("""{"jsonrpc":"2.0","id":10}""", "10")]
    public async Task A_message_without_a_usable_method_is_an_invalid_request(string body, string id) =>
        await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32600, id);

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":[{"name":"echo"}]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":"echo"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/list","params":[]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"ping","params":5}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"echo","arguments":"hi"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"echo","arguments":["hi"]}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"echo","arguments":7}}""")]
    public async Task Params_or_arguments_of_the_wrong_type_are_invalid_params(string body)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.OK, -32602, "11");
        Assert.StartsWith("Invalid params", message);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":12,"method":"tools/call"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":""}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":5,"arguments":{}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":null}}""")]
    public async Task A_tool_call_without_a_name_is_invalid_params(string body)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.OK, -32602, "12");
        Assert.Contains("tool name", message);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("resources/list")]
    [InlineData("tools/echo")]
    public async Task An_unknown_method_is_method_not_found(string method)
    {
        var message = await SendOnLiveSession($$"""{"jsonrpc":"2.0","id":"m-1","method":"{{method}}","params":{} }""",
            HttpStatusCode.OK, -32601, "\"m-1\"");
        Assert.Equal($"Method not found: {method}", message);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("Echo")]
    [InlineData("healthprobe")]
    public async Task An_unknown_tool_is_invalid_params(string tool)
    {
        var message = await SendOnLiveSession(
            $$"""{"jsonrpc":"2.0","id":13,"method":"tools/call","params":{"name":"{{tool}}","arguments":{} } }""",
            HttpStatusCode.OK, -32602, "13");
        Assert.Equal($"Unknown tool: {tool}", message);
    }

    [Fact]
    public async Task An_unknown_tool_is_invalid_params_in_a_2025_11_25_session_too()
    {
        var session = await RawSession.Start(Server, "2025-11-25");

        var response = await session.CallTool("x");

        Assert.Equal("Unknown tool: x", response.AssertError(HttpStatusCode.OK, -32602));
        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"ping"}""", "\"method\" appears twice in the object at $;")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"id":2,"method":"ping"}""", "\"id\" appears twice in the object at $;")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","name":"sessionInfo","arguments":{"message":"x"}}}""",
        "\"name\" appears twice in the object at $.params;")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"a","\u006dessage":"b"}}}""",
        "\"message\" appears twice in the object at $.params.arguments;")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"a","list":[1,{"k":1,"k":2}]}}}""",
        "\"k\" appears twice in the object at $.params.arguments.list[1];")]
    public async Task A_member_name_twice_in_one_object_is_an_invalid_request_that_names_it(string body, string problem)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32600, "null");
        Assert.Contains(problem, message);
    }

    [Fact]
    public async Task The_same_member_name_in_different_objects_is_fine()
    {
        var session = await RawSession.Start(Server);

        var response = await session.Post(
            """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":{"message":"name"},"_meta":{"name":1}}}""");

        Assert.StartsWith("name\n", response.AssertToolResult("5").Text);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"both"}}""", "exactly one of result or error")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","result":{}}""", "must not carry result")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized","error":{"code":1,"message":"x"}}""", "must not carry error")]
    public async Task A_message_that_is_both_request_and_response_or_both_result_and_error_is_refused(string body, string problem)
    {
        var message = await SendOnLiveSession(body, HttpStatusCode.BadRequest, -32600, body.Contains("\"id\"") ? "1" : "null");
        Assert.Contains(problem, message);
    }

    [Fact]
    public async Task Malformed_messages_without_a_session_are_refused_for_the_body_first()
    {
        (await RpcResponse.Read(Server.Post("{oops"))).AssertError(HttpStatusCode.BadRequest, -32700);
        (await RpcResponse.Read(Server.Post("[]"))).AssertError(HttpStatusCode.BadRequest, -32600);
        (await RpcResponse.Read(Server.Post("""{"jsonrpc":"2.0","id":3,"method":"ping"}""")))
            .AssertError(HttpStatusCode.BadRequest, -32000, "3");
    }

    /// <summary>Echoes once, sends <paramref name="body"/> on the same session, checks the error, then checks the session.</summary>
    private async Task<string> SendOnLiveSession(string body, HttpStatusCode status, int code, string idJson)
    {
        var session = await RawSession.Start(Server);
        Assert.Equal(1, await session.Echo("before"));

        var response = await session.Post(body);
        var message = response.AssertError(status, code, idJson);

        Assert.False(string.IsNullOrWhiteSpace(message));
        await session.AssertIntact(1);
        return message;
    }
}
