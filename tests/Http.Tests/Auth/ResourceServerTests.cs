using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// The resource server of MCP_AUTH_MODE=lab over raw HTTP: protected resource metadata, the 401 challenge of every kind of
/// bad token, the 403 that names every missing scope, and scope strings and scp arrays alike.
/// </summary>
public sealed class ResourceServerTests(LabServer fixture) : ServerTests<LabServer>(fixture)
{
    private string Resource => new Uri(Server.BaseAddress, "/mcp").AbsoluteUri;

    private string MetadataUrl => new Uri(Server.BaseAddress, "/.well-known/oauth-protected-resource/mcp").AbsoluteUri;

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    public async Task Protected_resource_metadata_names_this_server_and_its_authorization_server(string path)
    {
        var document = JsonElement.Parse(await Server.Http.GetStringAsync(path));

        Assert.Equal(Resource, document.GetProperty("resource").GetString());
        Assert.Equal(new Uri(Server.BaseAddress, "/").AbsoluteUri, document.GetProperty("authorization_servers")[0].GetString());
        Assert.Equal(["mcp:basic", "mcp:echo", "mcp:extra"], document.GetProperty("scopes_supported").EnumerateArray().Select(s => s.GetString()));
        var issuer = JsonElement.Parse(await Server.Http.GetStringAsync("/.well-known/oauth-authorization-server"));
        Assert.Equal(document.GetProperty("authorization_servers")[0].GetString(), issuer.GetProperty("issuer").GetString());
        Assert.Contains("S256", issuer.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.EndsWith("/oauth/register", issuer.GetProperty("registration_endpoint").GetString());
    }

    [Fact]
    public async Task Without_a_token_the_challenge_points_at_the_metadata_and_asks_for_the_default_scope()
    {
        var response = await RpcResponse.Read(Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal($"Bearer resource_metadata=\"{MetadataUrl}\", scope=\"mcp:basic\", "
            + "error_description=\"no bearer token: send Authorization: Bearer <access token>\"", response.Headers["WWW-Authenticate"]);
        Assert.Contains("Unauthorized: no bearer token", response.Text);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", "the token expired at " },
        { "wrong audience", "audience was http://elsewhere.example/mcp expected " },
        { "unknown key", "signature key unknown" },
        { "not a JWT", "not a well-formed JWT" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_gets_401_invalid_token_with_the_reason(string kind, string reason)
    {
        var token = kind switch
        {
            "expired" => LabAuthority.Mint(LabServer.Key, LabAuthority.Payload(Server.BaseAddress, -60, ""","scope":"mcp:basic" """)),
            "wrong audience" => await LabAuthority.Token(Server.Http, await LabAuthority.RegisterMachine(Server.Http), "mcp:basic",
                resource: "http://elsewhere.example/mcp"),
            "unknown key" => LabAuthority.Mint(LabAuthority.NewKey(), LabAuthority.Payload(Server.BaseAddress, 600, ""","scope":"mcp:basic" """)),
            _ => "opaque-token-value",
        };

        var response = await RpcResponse.Read(Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        var challenge = response.Headers["WWW-Authenticate"];
        Assert.StartsWith($"Bearer resource_metadata=\"{MetadataUrl}\", scope=\"mcp:basic\", error=\"invalid_token\", error_description=\"", challenge);
        Assert.Contains(reason, challenge);
        Assert.Contains(reason, response.Text);
        Assert.DoesNotContain(token, challenge + response.Text);
        if (kind == "wrong audience")
        {
            Assert.Contains($"expected {Resource}", challenge);
        }
    }

    [Fact]
    public async Task A_token_short_of_scopes_gets_403_naming_every_missing_scope_then_a_better_token_succeeds()
    {
        var client = await LabAuthority.RegisterMachine(Server.Http);
        var basic = await LabAuthority.Token(Server.Http, client, "mcp:basic");
        var session = await Initialize(basic);

        var refused = await RpcResponse.Read(Server.Post(Requests.Echo(2, "hi"), session, LabAuthority.Bearer(basic)));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal($"Bearer resource_metadata=\"{MetadataUrl}\", scope=\"mcp:basic mcp:echo mcp:extra\", error=\"insufficient_scope\", "
            + "error_description=\"missing scopes mcp:echo and mcp:extra (needed for echo: mcp:basic mcp:echo mcp:extra)\"",
            refused.Headers["WWW-Authenticate"]);
        Assert.Equal("2", refused.Json.GetProperty("id").ToString());
        // Other tools need only the default scope.
        var info = await RpcResponse.Read(Server.Post(Requests.CallTool(3, "sessionInfo"), session, LabAuthority.Bearer(basic)));
        Assert.Equal(HttpStatusCode.OK, info.Status);

        var better = await LabAuthority.Token(Server.Http, client, "mcp:basic mcp:echo mcp:extra");
        var echoed = await RpcResponse.Read(Server.Post(Requests.Echo(4, "hi"), session, LabAuthority.Bearer(better)));

        Assert.Equal(HttpStatusCode.OK, echoed.Status);
        Assert.StartsWith("hi", echoed.Json.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_stateless_request_is_judged_by_the_same_scopes()
    {
        var basic = await LabAuthority.Token(Server.Http, await LabAuthority.RegisterMachine(Server.Http), "mcp:basic");
        const string Call = """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":{"message":"m"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""";

        var refused = await RpcResponse.Read(Server.Post(Call, null, LabAuthority.Bearer(basic,
            ("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", "echo"))));

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("error=\"insufficient_scope\"", refused.Headers["WWW-Authenticate"]);
        Assert.Contains("missing scopes mcp:echo and mcp:extra", refused.Text);
    }

    [Theory]
    [InlineData(""","scope":"mcp:basic mcp:echo mcp:extra" """)]
    [InlineData(""","scp":["mcp:basic","mcp:echo","mcp:extra"]""")]
    [InlineData(""","scope":"mcp:basic","scp":["mcp:echo","mcp:extra"]""")]
    public async Task Scopes_count_from_a_scope_string_and_an_scp_array(string claims)
    {
        var token = LabAuthority.Mint(LabServer.Key, LabAuthority.Payload(Server.BaseAddress, 600, claims));
        var session = await Initialize(token);

        var echoed = await RpcResponse.Read(Server.Post(Requests.Echo(2, "scoped"), session, LabAuthority.Bearer(token)));

        Assert.Equal(HttpStatusCode.OK, echoed.Status);
    }

    [Fact]
    public async Task Health_and_the_traffic_page_need_no_token()
    {
        Assert.Equal("healthy", (await Server.Health()).GetProperty("status").GetString());
        using var traffic = await Server.Http.GetAsync("/traffic/api/exchanges");
        Assert.Equal(HttpStatusCode.OK, traffic.StatusCode);
    }

    private async Task<string> Initialize(string token)
    {
        using var response = await Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }
}
