using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// Acceptance 4, the leak test extended to the lab: the lab key, a client secret, an authorization code, access tokens and
/// a refresh token never appear whole in any tool output, log line, or traffic export.
/// </summary>
public sealed class LabSecretLeakTests
{
    private const string Redirect = "http://127.0.0.1:9/callback";

    private static readonly (string Tool, Dictionary<string, object?> Arguments)[] Calls =
    [
        ("echo", new() { ["message"] = "hello" }),
        ("printHeader", new()),
        ("bearerDecode", new() { ["includeRaw"] = true }),
        ("authContext", new()),
        ("environmentDump", new() { ["showSecrets"] = false }),
        ("environmentDump", new() { ["showSecrets"] = true }),
        ("sessionInfo", new()),
    ];

    [Fact]
    public async Task No_credential_of_the_lab_appears_whole_in_tool_output_logs_or_traffic()
    {
        var key = LabAuthority.NewKey();
        var settings = LabAuthority.Settings(key);
        settings["MCP_ECHO_DEBUG"] = "true";
        await using var server = await EchoServerHost.StartCapturingLogs(settings);
        var machine = await LabAuthority.RegisterMachine(server.Http);
        var (code, codeTokens) = await AuthorizationCode(server.Http);
        var refreshed = await Grant(server.Http, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = codeTokens.Refresh!,
            ["client_id"] = codeTokens.ClientId,
        });
        string[] accessTokens = [codeTokens.Access, refreshed.Access, await LabAuthority.Token(server.Http, machine, "mcp:basic mcp:echo mcp:extra")];
        string[] secrets = [key, machine.Secret, code, codeTokens.Refresh!, .. accessTokens];

        var outputs = new List<string>();
        foreach (var token in accessTokens)
        {
            await using var client = await SdkClient.Connect(server, LabAuthority.SessionVersion,
                new Dictionary<string, string> { ["Authorization"] = "Bearer " + token });
            foreach (var (tool, arguments) in Calls)
            {
                var (text, isError) = await client.Call(tool, arguments);
                Assert.False(isError, $"{tool}: {text}");
                outputs.Add(text);
            }
        }
        var har = await server.Http.GetStringAsync("/traffic/har");
        var jsonl = await server.Http.GetStringAsync("/traffic/jsonl");

        var all = string.Join("\n", outputs);
        Assert.Contains("- Result: ✅ accepted", all);
        Assert.Contains("- MCP_AUTH_LAB_KEY: ***", all);
        Assert.Contains("Authorization", har);
        Assert.NotEmpty(server.Logs.All);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, all);
            Assert.DoesNotContain(secret, har);
            Assert.DoesNotContain(secret, jsonl);
            var leaked = server.Logs.All.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leaked is null, $"secret {Array.IndexOf(secrets, secret)} in the log line: {leaked?.Replace(secret, "<SECRET>", StringComparison.Ordinal)}");
        }
    }

    /// <summary>A public client's authorization code flow with PKCE by hand: the code, then the tokens it buys.</summary>
    private static async Task<(string Code, Tokens Tokens)> AuthorizationCode(HttpClient http)
    {
        using var registered = await http.PostAsync("/oauth/register", new StringContent(
            $$"""{"redirect_uris":["{{Redirect}}"],"token_endpoint_auth_method":"none"}""", Encoding.UTF8, "application/json"));
        var clientId = JsonElement.Parse(await registered.Content.ReadAsStringAsync()).GetProperty("client_id").GetString()!;
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/oauth/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = Redirect,
            ["response_type"] = "code",
            ["state"] = "s1",
            ["scope"] = "mcp:basic mcp:echo mcp:extra offline_access",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
        using var redirected = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        var code = QueryHelpers.ParseQuery(redirected.Headers.Location!.Query)["code"].ToString();
        var tokens = await Grant(http, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = Redirect,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });
        return (code, tokens);
    }

    private static async Task<Tokens> Grant(HttpClient http, Dictionary<string, string> form)
    {
        using var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
        var body = JsonElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return new Tokens(body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, form["client_id"]);
    }

    private sealed record Tokens(string Access, string? Refresh, string ClientId);
}
