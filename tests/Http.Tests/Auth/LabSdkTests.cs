using Microsoft.AspNetCore.WebUtilities;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// Acceptance 1: the official C# SDK client 2.4.0 gets its tokens from the lab (dynamic registration, authorization code
/// with PKCE, automatic consent, step-up on 403) and calls tools in both protocol generations; a second client uses the
/// client_credentials grant.
/// </summary>
public sealed class LabSdkTests(LabServer fixture) : ServerTests<LabServer>(fixture)
{
    [Theory]
    [InlineData(LabAuthority.SessionVersion)]
    [InlineData("2026-07-28")]
    public async Task The_sdk_client_completes_authorization_code_with_pkce_and_calls_tools(string version)
    {
        var authorizations = new List<Uri>();
        await using var client = await LabSdk.Connect(Server, version, LabSdk.OAuth(authorizations));
        Assert.Equal(version, client.NegotiatedProtocolVersion);

        var context = (await client.Call("authContext")).Text();
        // echo needs more than the default scope: the 403 makes the client ask again for every scope it names.
        var echoed = await client.Echo("with a token");

        Assert.StartsWith("with a token", echoed);
        Assert.Equal(2, authorizations.Count);
        var (first, second) = (QueryHelpers.ParseQuery(authorizations[0].Query), QueryHelpers.ParseQuery(authorizations[1].Query));
        Assert.Equal("S256", first["code_challenge_method"]);
        Assert.Equal(Server.McpEndpoint.AbsoluteUri, first["resource"]);
        Assert.Equal("mcp:basic offline_access", first["scope"]);
        Assert.Equal("mcp:basic mcp:echo mcp:extra offline_access", second["scope"]);
        Assert.Contains("- Token Format: JWT (signature verified by this server)", context);
        Assert.Contains("🛡️ Resource Server Verdict (MCP_AUTH_MODE=lab):\n- Result: ✅ accepted\n- Signature: ✅ verified\n", context);
        Assert.Contains($"- Audience: ✅ {Server.McpEndpoint.AbsoluteUri}\n", context);
        Assert.Contains("  - echo: mcp:basic mcp:echo mcp:extra ❌ missing scopes mcp:echo and mcp:extra\n", context);
        Assert.Contains("  - sessionInfo: mcp:basic ✅\n", context);
        var decoded = (await client.Call("bearerDecode")).Text();
        Assert.Contains("- Signature: present (verified by this server)", decoded);
        Assert.Contains("  - echo: mcp:basic mcp:echo mcp:extra ✅\n", decoded);
    }

    /// <summary>The SDK 2.4.0 has no client_credentials flow: the token comes from a raw token request and rides in a header.</summary>
    [Theory]
    [InlineData(LabAuthority.SessionVersion)]
    [InlineData("2026-07-28")]
    public async Task A_client_credentials_token_serves_the_sdk_client(string version)
    {
        var token = await LabAuthority.Token(Server.Http, await LabAuthority.RegisterMachine(Server.Http), "mcp:basic mcp:echo mcp:extra");
        await using var client = await SdkClient.Connect(Server, version,
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });

        Assert.Equal(version, client.NegotiatedProtocolVersion);
        Assert.StartsWith("machine", await client.Echo("machine"));
        var context = (await client.Call("authContext")).Text();
        Assert.Contains("- Result: ✅ accepted", context);
        Assert.Contains("- Scopes Granted: mcp:basic mcp:echo mcp:extra\n", context);
    }
}
