using System.Net;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>Ping both ways: the client's ping gets {}, and with MCP_SSE_KEEPALIVE_PING the server pings on the GET stream.</summary>
public sealed class ServerPingTests
{
    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-11-25")]
    public async Task A_client_ping_gets_an_empty_result(string version)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize(version);

        using var response = await server.Post(Requests.Ping(9), session);

        var result = (await RpcResponse.JsonBody(response)).GetProperty("result");
        Assert.Empty(result.EnumerateObject());
    }

    [Fact]
    public async Task With_keep_alive_pings_the_server_sends_ping_requests_that_the_client_answers()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_SSE_KEEPALIVE_PING"] = "true",
            ["MCP_SSE_KEEPALIVE_INTERVAL"] = "1",
        });
        var session = await server.Initialize("2025-11-25");
        using var events = await server.OpenStream(session);

        var first = await events.Next(TimeSpan.FromSeconds(10));
        var second = await events.Next(TimeSpan.FromSeconds(10));
        using var pong = await server.Post($$"""{"jsonrpc":"2.0","id":{{first.Json.GetProperty("id").GetRawText()}},"result":{} }""", session);

        Assert.Equal("ping", first.Json.GetProperty("method").GetString());
        Assert.Null(first.Id);
        Assert.NotEqual(first.Json.GetProperty("id").GetString(), second.Json.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Accepted, pong.StatusCode);
    }

    [Fact]
    public async Task Without_the_setting_keep_alives_are_comments_only()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_SSE_KEEPALIVE_INTERVAL"] = "1" });
        var session = await server.Initialize("2025-11-25");
        using var events = await server.OpenStream(session);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var line = await events.ReadLine(deadline.Token);

        Assert.Equal(": keep-alive", line);
    }
}
