using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// Acceptance 3: MCP_AUTH_MODE=jwt against a second server in lab mode acting as the external issuer, its keys read
/// through its discovery document or straight from its JWKS.
/// </summary>
public sealed class JwtModeTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Jwt_mode_accepts_the_issuers_tokens_for_its_own_audience_only(bool jwksUrl)
    {
        var issuerKey = LabAuthority.NewKey();
        await using var issuer = await EchoServerHost.Start(LabAuthority.Settings(issuerKey));
        var issuerUrl = new Uri(issuer.BaseAddress, "/").AbsoluteUri;
        var settings = new Dictionary<string, string?>
        {
            ["MCP_AUTH_MODE"] = "jwt",
            ["MCP_AUTH_ISSUER"] = issuerUrl.TrimEnd('/'),
            ["MCP_AUTH_REQUIRED_SCOPES"] = "*=mcp:basic",
        };
        if (jwksUrl)
        {
            settings["MCP_AUTH_JWKS_URL"] = issuerUrl + ".well-known/jwks.json";
        }
        await using var server = await EchoServerHost.Start(settings);
        var client = await LabAuthority.RegisterMachine(issuer.Http);
        var token = await LabAuthority.Token(issuer.Http, client, "mcp:basic", resource: server.McpEndpoint.AbsoluteUri);

        var metadata = JsonElement.Parse(await server.Http.GetStringAsync("/.well-known/oauth-protected-resource/mcp"));
        await using var sdk = await SdkClient.Connect(server, LabAuthority.SessionVersion,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
        var context = (await sdk.Call("authContext")).Text();
        var forIssuer = await LabAuthority.Token(issuer.Http, client, "mcp:basic");
        var refused = await RpcResponse.Read(server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(forIssuer)));
        var foreignKey = LabAuthority.Mint(LabAuthority.NewKey(), LabAuthority.Payload(issuer.BaseAddress, 600, ""","scope":"mcp:basic" """,
            server.McpEndpoint.AbsoluteUri));
        var unknown = await RpcResponse.Read(server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(foreignKey)));
        var expiredToken = LabAuthority.Mint(issuerKey, LabAuthority.Payload(issuer.BaseAddress, -60, ""","scope":"mcp:basic" """,
            server.McpEndpoint.AbsoluteUri));
        var expired = await RpcResponse.Read(server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(expiredToken)));

        Assert.Equal(server.McpEndpoint.AbsoluteUri, metadata.GetProperty("resource").GetString());
        Assert.Equal(issuerUrl, metadata.GetProperty("authorization_servers")[0].GetString());
        Assert.Contains("🛡️ Resource Server Verdict (MCP_AUTH_MODE=jwt):\n- Result: ✅ accepted\n- Signature: ✅ verified\n", context);
        Assert.Contains($"- Issuer: {issuerUrl}\n", context);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains($"audience was {issuer.McpEndpoint.AbsoluteUri} expected {server.McpEndpoint.AbsoluteUri}", refused.Headers["WWW-Authenticate"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("signature key unknown", unknown.Headers["WWW-Authenticate"]);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Matches("error_description=\"the token expired at [^\"]+ \\(its signature verified\\)\"", expired.Headers["WWW-Authenticate"]);
    }
}
