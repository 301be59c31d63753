using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

public sealed class FixtureModeTests
{
    private static readonly Dictionary<string, string?> Fixtures = new() { ["MCP_ECHO_CONFORMANCE"] = "true" };

    private static async Task<JsonElement> Result(EchoServerHost server, string session, string method, string parameters = "{}")
    {
        using var response = await server.Post($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{parameters}} }""", session);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await RpcResponse.JsonBody(response);
    }

    private static async Task<JsonElement> Capabilities(EchoServerHost server)
    {
        using var response = await server.Post(Requests.Initialize(protocolVersion: "2025-11-25"), null);
        return (await RpcResponse.JsonBody(response)).GetProperty("result").GetProperty("capabilities");
    }

    [Fact]
    public async Task Off_by_default_the_server_claims_and_offers_no_fixture()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");

        var capabilities = await Capabilities(server);
        var tools = (await Result(server, session, "tools/list")).GetProperty("result").GetProperty("tools");
        var resources = await Result(server, session, "resources/list");
        var call = await Result(server, session, "tools/call", """{"name":"test_simple_text"}""");

        Assert.False(capabilities.TryGetProperty("resources", out _));
        Assert.False(capabilities.TryGetProperty("prompts", out _));
        Assert.DoesNotContain(tools.EnumerateArray(), t => t.GetProperty("name").GetString()!.StartsWith("test_", StringComparison.Ordinal));
        Assert.Equal(-32601, resources.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(-32602, call.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task On_it_declares_the_fixture_capabilities_and_lists_fixture_tools_after_the_default_ones()
    {
        await using var plain = await EchoServerHost.Start();
        var defaultCount = (await Result(plain, await plain.Initialize(), "tools/list")).GetProperty("result").GetProperty("tools").GetArrayLength();
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        var capabilities = await Capabilities(server);
        var tools = (await Result(server, session, "tools/list")).GetProperty("result").GetProperty("tools").EnumerateArray().ToArray();

        Assert.True(capabilities.GetProperty("resources").GetProperty("subscribe").GetBoolean());
        Assert.Equal(JsonValueKind.Object, capabilities.GetProperty("prompts").ValueKind);
        Assert.Equal(JsonValueKind.Object, capabilities.GetProperty("completions").ValueKind);
        Assert.Equal(JsonValueKind.Object, capabilities.GetProperty("logging").ValueKind);
        Assert.Equal("echo", tools[0].GetProperty("name").GetString());
        Assert.Equal(defaultCount + 14, tools.Length);
        var schema = tools.Single(t => t.GetProperty("name").GetString() == "json_schema_2020_12_tool").GetProperty("inputSchema");
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task Resources_and_templates_read_and_unknown_uris_get_32002()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        var text = (await Result(server, session, "resources/read", """{"uri":"test://static-text"}""")).GetProperty("result");
        var template = (await Result(server, session, "resources/read", """{"uri":"test://template/123/data"}""")).GetProperty("result");
        var missing = await Result(server, session, "resources/read", """{"uri":"test://nothing"}""");
        var subscribe = await Result(server, session, "resources/subscribe", """{"uri":"test://watched-resource"}""");

        Assert.Equal("This is the content of the static text resource.", text.GetProperty("contents")[0].GetProperty("text").GetString());
        var data = JsonElement.Parse(template.GetProperty("contents")[0].GetProperty("text").GetString()!);
        Assert.Equal("123", data.GetProperty("id").GetString());
        Assert.True(data.GetProperty("templateTest").GetBoolean());
        Assert.Equal(-32002, missing.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Object, subscribe.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Prompts_need_their_arguments_and_completion_suggests_by_prefix()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-11-25");

        var prompt = (await Result(server, session, "prompts/get",
            """{"name":"test_prompt_with_arguments","arguments":{"arg1":"testValue1","arg2":"testValue2"}}""")).GetProperty("result");
        var missing = await Result(server, session, "prompts/get", """{"name":"test_prompt_with_arguments","arguments":{"arg1":"x"}}""");
        var completion = (await Result(server, session, "completion/complete",
            """{"ref":{"type":"ref/prompt","name":"test_prompt_with_arguments"},"argument":{"name":"arg1","value":"testV"}}""")).GetProperty("result");
        var unknown = await Result(server, session, "completion/complete",
            """{"ref":{"type":"ref/prompt","name":"nope"},"argument":{"name":"a","value":""}}""");

        Assert.Equal("Prompt with arguments: arg1='testValue1', arg2='testValue2'",
            prompt.GetProperty("messages")[0].GetProperty("content").GetProperty("text").GetString());
        Assert.Equal(-32602, missing.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(["testValue1", "testValue2"],
            completion.GetProperty("completion").GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(-32602, unknown.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_fixture_tool_inside_a_2025_03_26_batch_answers_with_its_response_only()
    {
        await using var server = await EchoServerHost.Start(Fixtures);
        var session = await server.Initialize("2025-03-26");

        using var response = await server.Post("""
            [{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_tool_with_progress","_meta":{"progressToken":1}}},
             {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"test_simple_text"}}]
            """, session);

        var items = (await RpcResponse.JsonBody(response)).EnumerateArray().ToArray();
        Assert.Equal([1, 2], items.Select(i => i.GetProperty("id").GetInt32()));
        Assert.Equal("This is a simple text response for testing.",
            items[1].GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }
}
