using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>The transport rules of POST /mcp: Content-Type, Accept, session and protocol-version headers, methods.</summary>
public sealed class TransportHeaderTests(UpTo20250618Server fixture) : ServerTests<UpTo20250618Server>(fixture)
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json-rpc")]
    [InlineData("text/json")]
    [InlineData("not a media type")]
    public async Task A_body_that_is_not_declared_JSON_is_415(string? contentType)
    {
        var session = await RawSession.Start(Server);

        var response = await Send(RawMcpClient.CreatePost(Requests.Echo(1, "x"), session.Id, contentType: contentType));

        Assert.StartsWith("Unsupported Media Type", response.AssertError(HttpStatusCode.UnsupportedMediaType, -32000));
        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON")]
    [InlineData("application/json;charset=UTF-8")]
    public async Task Json_content_types_with_parameters_or_other_case_are_served(string contentType)
    {
        var session = await RawSession.Start(Server);

        var response = await Send(RawMcpClient.CreatePost(Requests.Echo(2, "typed"), session.Id, contentType: contentType));

        Assert.StartsWith("typed\n", response.AssertToolResult("2").Text);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    [InlineData(null)]
    [InlineData("text/html")]
    [InlineData("application/json, text/event-stream;q=0")]
    [InlineData("application/json;q=0, text/event-stream")]
    [InlineData("*/*;q=0")]
    public async Task An_accept_header_lacking_json_or_event_stream_is_406(string? accept)
    {
        var session = await RawSession.Start(Server);

        var response = await Send(RawMcpClient.CreatePost(Requests.Echo(1, "x"), session.Id, accept));

        Assert.StartsWith("Not Acceptable", response.AssertError(HttpStatusCode.NotAcceptable, -32000));
        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("*/*")]
    [InlineData("application/*, text/*")]
    [InlineData("application/json, */*")]
    [InlineData("text/event-stream;q=0.5, application/json;q=0.9")]
    public async Task Accept_headers_covering_both_types_are_served_as_json(string accept)
    {
        var session = await RawSession.Start(Server);

        var response = await Send(RawMcpClient.CreatePost(Requests.Echo(3, "wild"), session.Id, accept));

        Assert.Equal("application/json", response.MediaType);
        Assert.StartsWith("wild\n", response.AssertToolResult("3").Text);
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":5,"method":"tools/list"}""", "5")]
    [InlineData("""{"jsonrpc":"2.0","id":"s","method":"tools/call","params":{"name":"echo","arguments":{"message":"x"}}}""", "\"s\"")]
    [InlineData("""{"jsonrpc":"2.0","method":"notifications/initialized"}""", "null")]
    [InlineData("""{"jsonrpc":"2.0","id":6,"result":{}}""", "6")]
    public async Task A_message_without_a_session_id_is_400(string body, string id)
    {
        var response = await RpcResponse.Read(Server.Post(body));

        Assert.Contains("Mcp-Session-Id", response.AssertError(HttpStatusCode.BadRequest, -32000, id));
    }

    [Theory]
    [InlineData("no-such-session")]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("a")]
    public async Task A_session_id_the_server_never_issued_is_404(string sessionId)
    {
        var request = await RpcResponse.Read(Server.Post(Requests.ToolsList, sessionId));
        var notification = await RpcResponse.Read(Server.Post(Requests.Initialized, sessionId));

        request.AssertSessionNotFound(sessionId, "1");
        notification.AssertSessionNotFound(sessionId);
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("2025-11-25")]
    [InlineData("latest")]
    public async Task An_unsupported_protocol_version_header_is_400(string version)
    {
        var session = await RawSession.Start(Server);
        var request = RawMcpClient.CreatePost(Requests.Echo(4, "x"), session.Id);
        request.Headers.Add("MCP-Protocol-Version", version);

        var response = await Send(request);

        var message = response.AssertError(HttpStatusCode.BadRequest, -32000, "4");
        Assert.Contains($"Unsupported protocol version: {version}", message);
        Assert.Contains("2025-06-18", message);
        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2024-11-05")]
    public async Task A_supported_protocol_version_header_is_served(string version)
    {
        var session = await RawSession.Start(Server);
        var request = RawMcpClient.CreatePost(Requests.Echo(4, "versioned"), session.Id);
        request.Headers.Add("MCP-Protocol-Version", version);

        var response = await Send(request);

        Assert.StartsWith("versioned\n", response.AssertToolResult("4").Text);
    }

    [Fact]
    public async Task Delete_with_an_unsupported_protocol_version_header_is_400_and_keeps_the_session()
    {
        var session = await RawSession.Start(Server);
        var request = RawMcpClient.CreateRequest(HttpMethod.Delete, session.Id);
        request.Headers.Add("MCP-Protocol-Version", "1999-01-01");

        (await Send(request)).AssertError(HttpStatusCode.BadRequest, -32000);

        await session.AssertIntact(0);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public async Task Put_and_patch_are_405_with_allow(string method)
    {
        var session = await RawSession.Start(Server);
        var request = RawMcpClient.CreatePost(Requests.Echo(1, "x"), session.Id);
        request.Method = new HttpMethod(method);

        var response = await Send(request);

        Assert.Contains(method, response.AssertError(HttpStatusCode.MethodNotAllowed, -32000));
        Assert.Equal(["DELETE", "GET", "POST"], response.Header("Allow")!.Split(',', StringSplitOptions.TrimEntries).Order());
        await session.AssertIntact(0);
    }

    [Fact]
    public async Task Head_is_405_with_allow()
    {
        var response = await Send(RawMcpClient.CreateRequest(HttpMethod.Head));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("GET, POST, DELETE", response.Header("Allow"));
    }

    private Task<RpcResponse> Send(HttpRequestMessage request) => RpcResponse.Read(Server.Http.SendAsync(request));
}
