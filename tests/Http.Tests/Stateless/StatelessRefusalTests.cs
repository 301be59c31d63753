using System.Net;

namespace AkkaMcpEcho.Http.Tests.Stateless;

/// <summary>
/// Every refusal of the 2026-07-28 checklist over raw HTTP: the status and code the revision requires, a message that
/// names the offending header or field, never a 5xx, and a 2025 session running alongside that loses nothing.
/// </summary>
public sealed class StatelessRefusalTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    private const string Meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";

    public static TheoryData<string, string, string, int, int, string> Refusals => new()
    {
        // name, body params (inside params), extra headers "Name: value|Name: value", status, code, named in the message
        { "no _meta", "{}", "", 400, -32602, "params._meta" },
        { "no version in _meta", """{"_meta":{"io.modelcontextprotocol/clientCapabilities":{}}}""", "", 400, -32602, "io.modelcontextprotocol/protocolVersion" },
        { "no capabilities", """{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}""", "", 400, -32602, "io.modelcontextprotocol/clientCapabilities" },
        { "capabilities not an object", """{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":[]}}""", "", 400, -32602, "clientCapabilities" },
        { "bad log level", """{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/logLevel":"loud"}}""", "", 400, -32602, "logLevel" },
        { "header and _meta differ", """{"_meta":{"io.modelcontextprotocol/protocolVersion":"2099-01-01","io.modelcontextprotocol/clientCapabilities":{}}}""", "", 400, -32020, "MCP-Protocol-Version" },
        { "unsupported version", """{"_meta":{"io.modelcontextprotocol/protocolVersion":"v999.0.0","io.modelcontextprotocol/clientCapabilities":{}}}""", "MCP-Protocol-Version: v999.0.0", 400, -32022, "v999.0.0" },
        { "no Mcp-Method", "{" + Meta + "}", "Mcp-Method:", 400, -32020, "Mcp-Method" },
        { "Mcp-Method differs", "{" + Meta + "}", "Mcp-Method: prompts/list", 400, -32020, "Mcp-Method" },
        { "Mcp-Method in another case", "{" + Meta + "}", "Mcp-Method: TOOLS/LIST", 400, -32020, "TOOLS/LIST" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_malformed_tools_list_is_refused_with_a_diagnosis(string name, string parameters, string headers, int status, int code, string named)
    {
        var session = await RawSession.Start(Server);
        Assert.Equal(1, await session.Echo("before"));

        var response = await Send("tools/list", parameters, Headers("tools/list", headers));

        Assert.True((int)response.Status == status, $"{name}: HTTP {(int)response.Status} {response.Text}");
        var message = response.AssertError((HttpStatusCode)status, code, "7");
        Assert.Contains(named, message);
        Assert.True(response.Json.GetProperty("error").TryGetProperty("data", out _), $"{name}: no data in {response.Text}");
        await session.AssertIntact(1);
    }

    [Theory]
    [InlineData("", "Mcp-Name", "the Mcp-Name header is required")]
    [InlineData("Mcp-Name: sessionInfo", "sessionInfo", "does not match body value params.name = 'echo'")]
    [InlineData("Mcp-Name: =?base64?ZWNobw?=", "=?base64?ZWNobw?=", "groups of 4")]
    [InlineData("Mcp-Name: =?base64?ZW!obw==?=", "=?base64?ZW!obw==?=", "'!' at position 2")]
    [InlineData("Mcp-Name: =?base64?c2Vzc2lvbkluZm8=?=", "sessionInfo", "decoded from")]
    public async Task Mcp_name_must_match_the_tool_decoded_from_base64_where_it_is_a_sentinel(string header, string named, string problem)
    {
        var response = await Send("tools/call", """{"name":"echo","arguments":{"message":"x"},""" + Meta + "}",
            Headers("tools/call", header, withName: false));

        var message = response.AssertError(HttpStatusCode.BadRequest, -32020, "7");
        Assert.Contains(named, message);
        Assert.Contains(problem, message);
    }

    [Theory]
    [InlineData("  echo  ")]
    [InlineData("=?base64?ZWNobw==?=")]
    public async Task A_padded_or_encoded_name_that_decodes_to_the_tool_is_accepted(string header)
    {
        var response = await Send("tools/call", """{"name":"echo","arguments":{"message":"x"},""" + Meta + "}",
            Headers("tools/call", "Mcp-Name: " + header, withName: false));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("x\n", response.Json.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("", "the Mcp-Param-Session header is required")]
    [InlineData("Mcp-Param-Session: other", "does not match body value params.arguments.session = 'h'")]
    public async Task A_mirrored_argument_needs_its_header_and_the_same_value(string header, string problem)
    {
        var response = await Send("tools/call", """{"name":"echo","arguments":{"message":"x","session":"h"},""" + Meta + "}",
            Headers("tools/call", header));

        Assert.Contains(problem, response.AssertError(HttpStatusCode.BadRequest, -32020, "7"));
    }

    [Fact]
    public async Task A_mirrored_header_without_its_argument_is_a_mismatch()
    {
        var response = await Send("tools/call", """{"name":"echo","arguments":{"message":"x"},""" + Meta + "}",
            Headers("tools/call", "Mcp-Param-Session: h"));

        Assert.Contains("(absent)", response.AssertError(HttpStatusCode.BadRequest, -32020, "7"));
    }

    [Theory]
    [InlineData("initialize", "removed in 2026-07-28")]
    [InlineData("ping", "removed in 2026-07-28")]
    [InlineData("logging/setLevel", "removed in 2026-07-28")]
    [InlineData("resources/subscribe", "removed in 2026-07-28")]
    [InlineData("resources/unsubscribe", "removed in 2026-07-28")]
    [InlineData("prompts/list", "prompts/list")]
    [InlineData("no/such/method", "no/such/method")]
    public async Task Removed_and_unknown_methods_are_404_method_not_found(string method, string named)
    {
        var response = await Send(method, "{" + Meta + "}", Headers(method, ""));

        Assert.Contains(named, response.AssertError(HttpStatusCode.NotFound, -32601, "7"));
    }

    [Fact]
    public async Task A_client_response_and_a_batch_are_invalid_requests_and_a_notification_is_202()
    {
        var headers = Headers("notifications/cancelled", "");

        var response = await Post("""{"jsonrpc":"2.0","id":3,"result":{}}""", headers);
        var batch = await Post("[" + Body("tools/list", "{" + Meta + "}") + "]", headers);
        var notification = await Post("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}""", headers);

        Assert.Contains("sends no responses", response.AssertError(HttpStatusCode.BadRequest, -32600, "3"));
        Assert.Contains("no JSON-RPC batches", batch.AssertError(HttpStatusCode.BadRequest, -32600, "null"));
        Assert.Equal(HttpStatusCode.Accepted, notification.Status);
        Assert.Empty(notification.Text);
    }

    [Fact]
    public async Task Get_and_delete_of_a_modern_client_are_405_allowing_post()
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var request = EchoServerHost.CreateRequest(method, null, "text/event-stream");
            request.Headers.Add("MCP-Protocol-Version", "2026-07-28");

            var response = await RpcResponse.Read(Server.Http.SendAsync(request));

            response.AssertError(HttpStatusCode.MethodNotAllowed, -32000);
            Assert.Equal("POST", response.Header("Allow"));
        }
    }

    [Fact]
    public async Task A_session_id_on_a_modern_request_is_ignored_not_looked_up()
    {
        var response = await Send("tools/list", "{" + Meta + "}", Headers("tools/list", "Mcp-Session-Id: never-issued"));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Headers.ContainsKey("Mcp-Session-Id"));
        Assert.Equal("complete", response.Json.GetProperty("result").GetProperty("resultType").GetString());
    }

    private static string Body(string method, string parameters) =>
        $$"""{"jsonrpc":"2.0","id":7,"method":"{{method}}","params":{{parameters}}}""";

    private Task<RpcResponse> Send(string method, string parameters, List<(string, string)> headers) =>
        Post(Body(method, parameters), headers);

    private Task<RpcResponse> Post(string body, List<(string Name, string Value)> headers) =>
        RpcResponse.Read(Server.Post(body, null, [.. headers]));

    /// <summary>
    /// The headers of a conforming request for <paramref name="method"/>, changed by <paramref name="changes"/>
    /// ("Name: value" sets or replaces, "Name:" removes; "|" between changes).
    /// </summary>
    private static List<(string Name, string Value)> Headers(string method, string changes, bool withName = true)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["MCP-Protocol-Version"] = "2026-07-28",
            ["Mcp-Method"] = method,
        };
        if (withName && method == "tools/call")
        {
            headers["Mcp-Name"] = "echo";
        }
        foreach (var change in changes.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = change.IndexOf(':');
            var (name, value) = (change[..colon].Trim(), change[(colon + 1)..]);
            if (value.Length == 0)
            {
                headers.Remove(name);
            }
            else
            {
                headers[name] = value.Trim() == value.TrimStart() ? value.TrimStart() : value[1..];
            }
        }
        return [.. headers.Select(h => (h.Key, h.Value))];
    }
}
