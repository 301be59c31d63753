using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Http.Auth;
using Microsoft.AspNetCore.WebUtilities;
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

    public const string Redirect = "http://127.0.0.1:9/callback";

    /// <summary>Registers a public client for the authorization code grant; its id.</summary>
    public static async Task<string> RegisterPublic(HttpClient http)
    {
        using var registered = await http.PostAsync("/oauth/register", new StringContent(
            $$"""{"redirect_uris":["{{Redirect}}"],"token_endpoint_auth_method":"none"}""", Encoding.UTF8, "application/json"));
        return JsonElement.Parse(await registered.Content.ReadAsStringAsync()).GetProperty("client_id").GetString()!;
    }

    /// <summary>Follows an authorization request as a browser would (consent is automatic): where the lab sends it back.</summary>
    public static async Task<Uri> Authorize(HttpClient http, string clientId, string challenge, string scope = "mcp:basic mcp:echo mcp:extra offline_access")
    {
        var authorize = QueryHelpers.AddQueryString("/oauth/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = Redirect,
            ["response_type"] = "code",
            ["state"] = "s1",
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = http.BaseAddress };
        using var redirected = await browser.GetAsync(authorize);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, redirected.StatusCode);
        return redirected.Headers.Location!;
    }

    /// <summary>A public client's authorization code flow with PKCE by hand: the code, then the tokens it buys.</summary>
    public static async Task<(string Code, LabTokens Tokens)> AuthorizationCode(HttpClient http)
    {
        var clientId = await RegisterPublic(http);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var code = QueryHelpers.ParseQuery((await Authorize(http, clientId, challenge)).Query)["code"].ToString();
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

    /// <summary>A token request that must succeed: the tokens it answers.</summary>
    public static async Task<LabTokens> Grant(HttpClient http, Dictionary<string, string> form)
    {
        var (ok, body) = await TryGrant(http, form);
        Assert.True(ok, body.ToString());
        return new LabTokens(body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null, form["client_id"]);
    }

    /// <summary>A token request: whether it succeeded, and its JSON answer.</summary>
    public static async Task<(bool Ok, JsonElement Body)> TryGrant(HttpClient http, Dictionary<string, string> form)
    {
        using var response = await http.PostAsync("/oauth/token", new FormUrlEncodedContent(form));
        return (response.IsSuccessStatusCode, JsonElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The form of a refresh_token grant for a public client.</summary>
    public static Dictionary<string, string> Refresh(LabTokens tokens) =>
        new() { ["grant_type"] = "refresh_token", ["refresh_token"] = tokens.Refresh!, ["client_id"] = tokens.ClientId };

    /// <summary>The headers of a request that carries <paramref name="token"/>.</summary>
    public static (string Name, string Value)[] Bearer(string token, params (string Name, string Value)[] more) =>
        [("Authorization", "Bearer " + token), .. more];
}

/// <summary>What a token request answered: the access token, the refresh token if any, and the client it was for.</summary>
public sealed record LabTokens(string Access, string? Refresh, string ClientId);
