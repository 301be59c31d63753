using System.Net;

namespace AkkaMcpEcho.Http.Tests.Protocol;

public sealed class VersionNegotiationTests
{
    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-03-26")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task A_supported_version_is_echoed_back(string version)
    {
        await using var server = await EchoServerHost.Start();

        Assert.Equal(version, await Negotiated(server, version));
    }

    [Theory]
    [InlineData("2024-10-07")]
    [InlineData("2026-07-28")]
    [InlineData("not-a-version")]
    public async Task An_unsupported_version_gets_the_newest_supported_one(string version)
    {
        await using var server = await EchoServerHost.Start();

        Assert.Equal("2025-11-25", await Negotiated(server, version));
    }

    [Fact]
    public async Task The_supported_set_comes_from_the_setting()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_PROTOCOL_VERSIONS_SUPPORTED"] = "2025-03-26, 2025-06-18",
        });

        Assert.Equal("2025-06-18", await Negotiated(server, "2025-11-25"));
        Assert.Equal("2025-06-18", await Negotiated(server, "2024-11-05"));
        Assert.Equal("2025-03-26", await Negotiated(server, "2025-03-26"));
    }

    private static async Task<string?> Negotiated(EchoServerHost server, string requested)
    {
        using var response = await server.Post(Requests.Initialize(protocolVersion: requested), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await RpcResponse.JsonBody(response)).GetProperty("result").GetProperty("protocolVersion").GetString();
    }
}
