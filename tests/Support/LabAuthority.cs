using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Http.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>A client of a server's built-in authorization server (MCP_AUTH_MODE=lab) over raw HTTP, and a minter of test tokens.</summary>
public static class LabAuthority
{
    public const string SessionVersion = "2025-11-25";

    /// <summary>Settings of a lab server whose every request needs mcp:basic and whose echo also needs mcp:echo and mcp:extra.</summary>
    public static Dictionary<string, string?> Settings(string key) => new()
    {
        ["MCP_AUTH_MODE"] = "lab",
        ["MCP_AUTH_LAB_KEY"] = key,
        ["MCP_AUTH_REQUIRED_SCOPES"] = "echo=mcp:basic mcp:echo mcp:extra, *=mcp:basic",
    };

    public static string NewKey() => Convert.ToBase64String(LabKeys.NewKey());

    /// <summary>Registers a confidential client for the client_credentials grant (RFC 7591); its id and secret.</summary>
    public static async Task<(string Id, string Secret)> RegisterMachine(HttpClient http)
    {
        using var response = await http.PostAsync("/oauth/register",
            new StringContent("""{"grant_types":["client_credentials"],"client_name":"test machine"}""", Encoding.UTF8, "application/json"));
        var body = JsonElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body.ToString());
        return (body.GetProperty("client_id").GetString()!, body.GetProperty("client_secret").GetString()!);
    }

    /// <summary>A client_credentials access token with <paramref name="scope"/> for <paramref name="resource"/> (the server's default when null).</summary>
    public static async Task<string> Token(HttpClient http, (string Id, string Secret) client, string scope, string? resource = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = scope };
        if (resource is not null)
        {
            form["resource"] = resource;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(client.Id)}:{Uri.EscapeDataString(client.Secret)}")));
        using var response = await http.SendAsync(request);
        var body = JsonElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A token signed with the lab's signing key for <paramref name="key"/>, with exactly the claims of <paramref name="payloadJson"/>.</summary>
    public static string Mint(string key, string payloadJson) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(payloadJson,
            new SigningCredentials(new LabKeys(Convert.FromBase64String(key)).Signing, SecurityAlgorithms.EcdsaSha256));

    /// <summary>The payload of a lab token: iss, aud, exp (seconds from now; negative: past) and extra claims.</summary>
    public static string Payload(Uri server, int expiresIn, string extraJson, string? audience = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var aud = audience ?? new Uri(server, "/mcp").AbsoluteUri;
        return $$"""{"iss":"{{new Uri(server, "/").AbsoluteUri}}","aud":"{{aud}}","sub":"minted","iat":{{now - 7200}},"nbf":{{now - 7200}},"exp":{{now + expiresIn}}{{extraJson}}}""";
    }

    /// <summary>The headers of a request that carries <paramref name="token"/>.</summary>
    public static (string Name, string Value)[] Bearer(string token, params (string Name, string Value)[] more) =>
        [("Authorization", "Bearer " + token), .. more];
}
