using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>Odd but possible requests: whatever the answer, it is never a server error and the session survives.</summary>
public sealed class RobustnessTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":null}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":null}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":1e400}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x","uppercase":null}}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":-9223372036854775808,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":9223372036854775808,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":"","method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/message","params":[1,2,3]}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"ping","result":{}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":{},"error":{"code":1,"message":"both"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","name":"sessionInfo","arguments":{"message":"dup"}}}""")]
    [InlineData("""{"jsonrpc":"2.0","jsonrpc":"1.0","id":1,"method":"ping"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"logging/setLevel","params":{"level":"INFO"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"initialized"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"notifications/initialized"}""")]
    public async Task Odd_messages_never_answer_a_server_error(string body)
    {
        var session = await RawSession.Start(Server);

        var response = await session.Post(body);

        Assert.True((int)response.Status < 500, $"HTTP {(int)response.Status}: {response.Text}");
        if (response.Text.Length > 0)
        {
            Assert.Equal("2.0", response.Json.GetProperty("jsonrpc").GetString());
        }
        await session.AssertIntact(0);
    }

    [Fact]
    public async Task Nesting_at_the_parser_depth_is_served()
    {
        var session = await RawSession.Start(Server);
        var nested = new string('[', 60) + new string(']', 60);
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x","extra":""" + nested + "}}}";

        var response = await session.Post(body);

        Assert.Contains("Unknown argument 'extra'", response.AssertError(HttpStatusCode.OK, -32602, "1"));
    }

    [Theory]
    [InlineData("OPTIONS", "/health")]
    [InlineData("POST", "/mcp/")]
    [InlineData("GET", "/")]
    [InlineData("DELETE", "/health")]
    [InlineData("TRACE", "/mcp")]
    public async Task Other_methods_and_paths_are_client_errors(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);

        var response = await RpcResponse.Read(Server.Http.SendAsync(request));

        Assert.InRange((int)response.Status, 400, 499);
    }

    [Fact]
    public async Task A_long_or_odd_session_id_is_just_unknown()
    {
        foreach (var id in new[] { new string('x', 4000), "../../etc", "akka://akka-mcp-echo/user/x", "$a b%" })
        {
            (await RpcResponse.Read(Server.Post(Requests.ToolsList, id))).AssertSessionNotFound(id, "1");
        }
    }
}
