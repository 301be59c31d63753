using System.Net;

namespace AkkaMcpEcho.Http.Tests.Security;

public sealed class OriginGuardTests
{
    private static readonly string Init = Requests.Initialize(protocolVersion: "2025-11-25");

    [Fact]
    public async Task A_foreign_host_and_origin_get_403_with_a_json_rpc_error()
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Post(Init, null, ("Host", "evil.example.com"), ("Origin", "http://evil.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(-32000, await RpcResponse.ErrorCode(response));
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task A_foreign_origin_is_refused_even_with_a_loopback_host()
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Post(Init, null, ("Origin", "https://evil.example.com"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Origin", (await RpcResponse.JsonBody(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("http://localhost:6274")]
    [InlineData("http://127.0.0.1:9")]
    [InlineData("https://[::1]")]
    public async Task Loopback_origins_and_a_missing_origin_pass(string origin)
    {
        await using var server = await EchoServerHost.Start();
        var host = server.BaseAddress.Authority;

        using var withOrigin = await server.Post(Init, null, ("Host", host), ("Origin", origin));
        using var without = await server.Post(Init, null);

        Assert.Equal(HttpStatusCode.OK, withOrigin.StatusCode);
        Assert.True(withOrigin.Headers.Contains("Mcp-Session-Id"));
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
    }

    [Fact]
    public async Task The_null_origin_of_sandboxed_pages_is_refused()
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Post(Init, null, ("Origin", "null"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Configured_hosts_and_origins_are_allowed_and_others_still_refused()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_ALLOWED_HOSTS"] = "mcp.example.com",
            ["MCP_ALLOWED_ORIGINS"] = "https://app.example.com, http://tools.example.com:8080",
        });

        using var allowed = await server.Post(Init, null, ("Host", "mcp.example.com:3000"), ("Origin", "https://app.example.com"));
        using var allowedPort = await server.Post(Init, null, ("Origin", "http://tools.example.com:8080"));
        using var wrongPort = await server.Post(Init, null, ("Origin", "http://tools.example.com:8081"));
        using var otherHost = await server.Post(Init, null, ("Host", "other.example.com"));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowedPort.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongPort.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherHost.StatusCode);
    }

    [Fact]
    public async Task A_wildcard_allows_any_host_and_origin()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_ALLOWED_HOSTS"] = "*",
            ["MCP_ALLOWED_ORIGINS"] = "*",
        });

        using var response = await server.Post(Init, null, ("Host", "evil.example.com"), ("Origin", "http://evil.example.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_and_delete_are_guarded_too_but_health_is_not()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        (string, string)[] evil = [("Origin", "http://evil.example.com")];

        using var get = await server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream", evil));
        using var delete = await server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Delete, session, RawMcpClient.BothTypes, evil));
        using var health = new HttpRequestMessage(HttpMethod.Get, "/health");
        health.Headers.Host = "evil.example.com";
        using var healthResponse = await server.Http.SendAsync(health);
        using var stillThere = await server.Post(Requests.Ping(2), session);

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healthResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }
}
