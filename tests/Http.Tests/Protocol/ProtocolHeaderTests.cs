using System.Net;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>
/// MCP-Protocol-Version on requests after initialize: a value outside the supported set is 400; a supported value
/// passes even when it differs from the negotiated one (the conformance suite sends 2025-03-26 on 2025-11-25 sessions);
/// a missing header passes for every version, because a stateful server knows the negotiated version.
/// </summary>
public sealed class ProtocolHeaderTests
{
    [Theory]
    [InlineData("2025-06-18", "1999-01-01")]
    [InlineData("2025-03-26", "latest")]
    public async Task An_unsupported_header_value_gets_400_naming_the_supported_set(string negotiated, string header)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize(negotiated);

        using var response = await server.Post(Requests.Ping(2), session, ("MCP-Protocol-Version", header));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await RpcResponse.JsonBody(response)).GetProperty("error");
        Assert.Equal(-32000, error.GetProperty("code").GetInt32());
        Assert.Contains(header, error.GetProperty("message").GetString());
        Assert.Contains("2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-03-26")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task A_missing_header_and_any_supported_value_pass(string negotiated)
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize(negotiated);

        using var missing = await server.Post(Requests.Ping(2), session);
        using var same = await server.Post(Requests.Ping(3), session, ("MCP-Protocol-Version", negotiated));
        using var other = await server.Post(Requests.Ping(4), session, ("MCP-Protocol-Version", "2025-03-26"));

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task A_version_removed_from_the_setting_is_refused_in_the_header()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_PROTOCOL_VERSIONS_SUPPORTED"] = "2025-06-18",
        });
        var session = await server.Initialize("2025-06-18");

        using var response = await server.Post(Requests.Ping(2), session, ("MCP-Protocol-Version", "2025-11-25"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_and_delete_check_the_header_too()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize("2025-11-25");
        (string, string)[] bad = [("MCP-Protocol-Version", "2030-01-01")];

        using var get = await server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Get, session, "text/event-stream", bad));
        using var delete = await server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Delete, session, RawMcpClient.BothTypes, bad));
        using var alive = await server.Post(Requests.Ping(5), session);

        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
