using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

public sealed class BatchTests
{
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private const string Response = """{"jsonrpc":"2.0","id":"s1","result":{}}""";

    [Fact]
    public async Task A_2025_03_26_session_gets_one_response_per_request_in_a_json_array()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-03-26");

        using var response = await server.Post($$"""
            [{{Requests.Ping(7)}}, {{Initialized}}, {"jsonrpc":"2.0","id":"list","method":"tools/list"},
             {"jsonrpc":"2.0","id":9,"method":"no/such/method"}]
            """, session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await RpcResponse.JsonBody(response)).EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        Assert.Equal(7, items[0].GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Object, items[0].GetProperty("result").ValueKind);
        Assert.Equal("list", items[1].GetProperty("id").GetString());
        Assert.True(items[1].GetProperty("result").GetProperty("tools").GetArrayLength() > 0);
        Assert.Equal(9, items[2].GetProperty("id").GetInt32());
        Assert.Equal(-32601, items[2].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task An_invalid_item_gets_its_own_error_and_the_others_still_run()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-03-26");

        using var response = await server.Post($$"""[{"jsonrpc":"1.0","id":3,"method":"ping"}, 42, {{Requests.Ping(4)}}]""", session);

        var items = (await RpcResponse.JsonBody(response)).EnumerateArray().ToArray();
        Assert.Equal(3, items.Length);
        Assert.Equal(3, items[0].GetProperty("id").GetInt32());
        Assert.Equal(-32600, items[0].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("id").ValueKind);
        Assert.Equal(-32600, items[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(4, items[2].GetProperty("id").GetInt32());
        Assert.True(items[2].TryGetProperty("result", out _));
    }

    [Fact]
    public async Task A_batch_of_only_notifications_and_responses_gets_202()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-03-26");

        using var response = await server.Post($"""[{Initialized}, {Response}]""", session);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Sse_preferring_clients_get_the_array_as_one_event()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-03-26");
        using var request = RawMcpClient.CreatePost($"[{Requests.Ping(1)},{Requests.Ping(2)}]", session,
            accept: "text/event-stream, application/json");

        using var response = await server.Http.SendAsync(request);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var data = (await response.Content.ReadAsStringAsync()).Split('\n').Single(line => line.StartsWith("data: ", StringComparison.Ordinal));
        Assert.Equal(2, JsonElement.Parse(data["data: ".Length..]).GetArrayLength());
    }

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task Other_versions_refuse_batches_with_32600(string version)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize(version);

        using var response = await server.Post($"[{Requests.Ping(1)}]", session);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await RpcResponse.JsonBody(response)).GetProperty("error");
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains(version, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Initialize_inside_a_batch_is_refused_and_creates_no_session()
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Post($"[{Requests.Initialize(protocolVersion: "2025-03-26")}]", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32600, await RpcResponse.ErrorCode(response));
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task Empty_and_session_less_batches_are_refused()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-03-26");

        using var empty = await server.Post("[]", session);
        using var noSession = await server.Post($"[{Requests.Ping(1)}]", null);
        using var unknown = await server.Post($"[{Requests.Ping(1)}]", "no-such-session");

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(-32600, await RpcResponse.ErrorCode(empty));
        Assert.Equal(HttpStatusCode.BadRequest, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
