using System.Net;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Tests.Sessions;

/// <summary>initialize: the result, version negotiation, and the requests that must not create a session.</summary>
public sealed class InitializeTests(AllVersionsServer fixture) : ServerTests<AllVersionsServer>(fixture)
{
    [Fact]
    public async Task Initialize_answers_the_server_and_a_new_session_id()
    {
        var response = await RpcResponse.Read(Server.Post(
            """{"jsonrpc":"2.0","id":"init-1","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}"""));

        var result = response.AssertResult("\"init-1\"");
        Assert.Equal("2025-06-18", result.GetProperty("protocolVersion").GetString());
        Assert.Equal(ServerProfile.Name, result.GetProperty("serverInfo").GetProperty("name").GetString());
        Assert.Equal(ServerProfile.Version, result.GetProperty("serverInfo").GetProperty("version").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, result.GetProperty("capabilities").GetProperty("tools").ValueKind);
        var id = response.Header("Mcp-Session-Id");
        Assert.NotNull(id);
        Assert.All(id, c => Assert.InRange(c, '\x21', '\x7e'));
    }

    [Theory]
    [InlineData("2024-11-05", "2024-11-05")]
    [InlineData("2025-03-26", "2025-03-26")]
    [InlineData("2025-11-25", "2025-11-25")]
    [InlineData("1999-01-01", "2025-11-25")]
    [InlineData("2099-12-31", "2025-11-25")]
    [InlineData("", "2025-11-25")]
    public async Task Initialize_keeps_a_supported_version_and_otherwise_offers_the_newest(string requested, string negotiated)
    {
        var response = await RpcResponse.Read(Server.Post(Requests.Initialize(protocolVersion: requested)));

        Assert.Equal(negotiated, response.AssertResult().GetProperty("protocolVersion").GetString());
        var info = await new RawSession(Server, response.Header("Mcp-Session-Id")!).Info();
        Assert.Equal(negotiated, info["Protocol Version"]);
    }

    [Fact]
    public async Task A_server_up_to_2025_06_18_offers_2025_06_18_for_an_unsupported_request()
    {
        await using var server = await EchoServerHost.Start(
            new Dictionary<string, string?> { ["MCP_PROTOCOL_VERSIONS_SUPPORTED"] = UpTo20250618Server.Versions });

        foreach (var requested in new[] { "2025-11-25", "1999-01-01" })
        {
            var response = await RpcResponse.Read(server.Post(Requests.Initialize(protocolVersion: requested)));
            Assert.Equal("2025-06-18", response.AssertResult().GetProperty("protocolVersion").GetString());
        }
    }

    [Fact]
    public async Task Initialize_carrying_a_session_header_is_400_and_creates_nothing()
    {
        var session = await RawSession.Start(Server);
        Assert.Equal(1, await session.Echo("kept"));
        var created = await TotalCreated();

        var withLive = await RpcResponse.Read(Server.Post(Requests.Initialize(id: 8), session.Id));
        var withUnknown = await RpcResponse.Read(Server.Post(Requests.Initialize(id: 9), "made-up"));

        Assert.Contains("Mcp-Session-Id", withLive.AssertError(HttpStatusCode.BadRequest, -32600, "8"));
        withUnknown.AssertError(HttpStatusCode.BadRequest, -32600, "9");
        Assert.Null(withLive.Header("Mcp-Session-Id"));
        Assert.Equal(created, await TotalCreated());
        await session.AssertIntact(1);
    }

    [Theory]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":"me"}""")]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":["me"]}""")]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":5}""")]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":5,"version":"1"}}""")]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"me","version":1}}""")]
    [InlineData("""{"protocolVersion":2025,"capabilities":{},"clientInfo":{"name":"me","version":"1"}}""")]
    [InlineData("""{"capabilities":{},"clientInfo":{"name":"me","version":"1"}}""")]
    [InlineData("""{"protocolVersion":"2025-06-18","capabilities":[],"clientInfo":{"name":"me","version":"1"}}""")]
    [InlineData("""[]""")]
    [InlineData("\"2025-06-18\"")]
    [InlineData(null)]
    public async Task Initialize_with_params_of_the_wrong_shape_is_invalid_params_and_creates_nothing(string? parameters)
    {
        var created = await TotalCreated();
        var body = parameters is null
            ? """{"jsonrpc":"2.0","id":4,"method":"initialize"}"""
            : $$"""{"jsonrpc":"2.0","id":4,"method":"initialize","params":{{parameters}}}""";

        var response = await RpcResponse.Read(Server.Post(body));

        Assert.StartsWith("Invalid params", response.AssertError(HttpStatusCode.OK, -32602, "4"));
        Assert.Null(response.Header("Mcp-Session-Id"));
        Assert.Equal(created, await TotalCreated());
    }

    [Fact]
    public async Task Initialize_without_client_info_starts_a_session_of_an_unknown_client()
    {
        var response = await RpcResponse.Read(Server.Post(
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"""));

        response.AssertResult();
        var info = await new RawSession(Server, response.Header("Mcp-Session-Id")!).Info();
        Assert.Equal("unknown", info["Client"]);
    }

    [Fact]
    public async Task Initialize_as_a_notification_is_an_invalid_request()
    {
        var created = await TotalCreated();

        var response = await RpcResponse.Read(Server.Post(
            """{"jsonrpc":"2.0","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"""));

        response.AssertError(HttpStatusCode.BadRequest, -32600);
        Assert.Equal(created, await TotalCreated());
    }

    private async Task<long> TotalCreated() =>
        (await Server.Health()).GetProperty("sessions").GetProperty("total_created").GetInt64();
}
