using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// The lab faults through the faults engine's /faults API, over raw HTTP: each is armed, acts once (or, expire-token,
/// until removed), is labelled, and leaves other requests alone. Each test removes its rules; the class has its own server.
/// </summary>
public sealed class LabFaultTests(LabServer fixture) : ServerTests<LabServer>(fixture), IAsyncLifetime
{
    private string Resource => new Uri(Server.BaseAddress, "/mcp").AbsoluteUri;

    [Fact]
    public async Task Expire_token_refuses_the_tokens_issued_before_it_until_removed_and_says_when()
    {
        var client = await LabAuthority.RegisterMachine(Server.Http);
        var token = await LabAuthority.Token(Server.Http, client, "mcp:basic");
        Assert.Equal(HttpStatusCode.OK, (await Initialize(token)).Status);

        var rule = await Arm("""{"fault":"expire-token"}""");
        var refused = await Initialize(token, ("X-Test", "expired-by-fault"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        var challenge = refused.Headers["WWW-Authenticate"];
        Assert.Contains("error=\"invalid_token\"", challenge);
        Assert.Contains("error_description=\"the token was expired by a lab fault at ", challenge);
        Assert.Contains($"(expire-token (global rule {rule.Id})): get a new token", challenge);
        Assert.Equal($"expire-token (global rule {rule.Id})", refused.Headers["Echo-Fault-Applied"]);
        var record = await TrafficRecords.Marked(Server, "expired-by-fault");
        Assert.Equal($"expire-token (global rule {rule.Id})", record.GetProperty("fault").GetString());
        Assert.Contains("expired by a lab fault", record.GetProperty("authVerdict").GetProperty("reason").GetString());
        Assert.True(record.GetProperty("authVerdict").GetProperty("signatureVerified").GetBoolean());

        // A token issued after the fault (iat has whole seconds: from the next second on) is accepted while it stands.
        await Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (rule.Armed.Ticks % TimeSpan.TicksPerSecond)) + TimeSpan.FromMilliseconds(50));
        var fresh = await LabAuthority.Token(Server.Http, client, "mcp:basic");
        Assert.Equal(HttpStatusCode.OK, (await Initialize(fresh)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Initialize(token)).Status);

        using var removed = await Server.Http.DeleteAsync($"/faults/{rule.Id}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Initialize(token)).Status);
    }

    [Fact]
    public async Task Refuse_refresh_answers_the_next_refresh_with_invalid_grant_once()
    {
        var (_, tokens) = await LabAuthority.AuthorizationCode(Server.Http);
        var rule = await Arm("""{"fault":"refuse-refresh","count":1}""");

        // Another grant does not take it.
        await LabAuthority.Token(Server.Http, await LabAuthority.RegisterMachine(Server.Http), "mcp:basic");
        Assert.Equal(1, (await Rules()).Single().GetProperty("remaining").GetInt32());
        var (ok, refused) = await LabAuthority.TryGrant(Server.Http, LabAuthority.Refresh(tokens));

        Assert.False(ok);
        Assert.Equal("invalid_grant", refused.GetProperty("error").GetString());
        Assert.Equal($"the refresh token was refused by a lab fault (refuse-refresh (global rule {rule.Id}))",
            refused.GetProperty("error_description").GetString());
        Assert.Equal(0, (await Rules()).Single().GetProperty("remaining").GetInt32());
        var refreshed = await LabAuthority.Grant(Server.Http, LabAuthority.Refresh(tokens));
        Assert.Equal(HttpStatusCode.OK, (await Initialize(refreshed.Access)).Status);
    }

    [Fact]
    public async Task Deny_consent_sends_the_next_authorization_back_with_access_denied_once()
    {
        var clientId = await LabAuthority.RegisterPublic(Server.Http);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes("verifier-of-a-denied-consent-0123456789")));
        var rule = await Arm("""{"fault":"deny-consent","count":1}""");

        var denied = await LabAuthority.Authorize(Server.Http, clientId, challenge);
        var granted = await LabAuthority.Authorize(Server.Http, clientId, challenge);

        Assert.StartsWith(LabAuthority.Redirect, denied.AbsoluteUri);
        var query = QueryHelpers.ParseQuery(denied.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal($"consent was denied by a lab fault (deny-consent (global rule {rule.Id}))", query["error_description"]);
        Assert.Equal("s1", query["state"]);
        Assert.False(query.ContainsKey("code"));
        Assert.True(QueryHelpers.ParseQuery(granted.Query).ContainsKey("code"));
        Assert.Equal(0, (await Rules()).Single().GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Wrong_audience_gives_the_next_token_another_audience_which_the_resource_server_refuses()
    {
        var client = await LabAuthority.RegisterMachine(Server.Http);
        await Arm("""{"fault":"wrong-audience","count":1}""");

        var wrong = await LabAuthority.Token(Server.Http, client, "mcp:basic", resource: Resource);
        var right = await LabAuthority.Token(Server.Http, client, "mcp:basic", resource: Resource);
        var refused = await Initialize(wrong);

        Assert.Equal("https://wrong-audience.invalid/mcp", Audience(wrong));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains($"audience was https://wrong-audience.invalid/mcp expected {Resource}", refused.Headers["WWW-Authenticate"]);
        Assert.Equal(Resource, Audience(right));
        Assert.Equal(HttpStatusCode.OK, (await Initialize(right)).Status);
        Assert.Equal(0, (await Rules()).Single().GetProperty("remaining").GetInt32());
    }

    [Theory]
    [InlineData("""{"fault":"refuse-refresh","method":"tools/call"}""", "refuse-refresh acts on the next refresh_token grant at /oauth/token: it takes no method or tool")]
    [InlineData("""{"fault":"expire-token","count":2}""", "expire-token refuses every token issued until it was armed, until it is removed: it takes no count")]
    public async Task A_lab_rule_with_what_it_cannot_use_is_refused_naming_it(string body, string problem)
    {
        using var response = await Server.Http.PostAsync("/faults", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_lab_fault_in_an_Echo_Fault_header_is_refused_with_where_to_arm_it()
    {
        var token = await LabAuthority.Token(Server.Http, await LabAuthority.RegisterMachine(Server.Http), "mcp:basic");

        var response = await Initialize(token, ("Echo-Fault", "expire-token"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("expire-token is a lab fault: it acts on the resource server's token check on /mcp", response.Text);
        Assert.Contains("POST /faults", response.Text);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        using var cleared = await Server.Http.DeleteAsync("/faults");
    }

    private async Task<(string Id, DateTime Armed)> Arm(string body)
    {
        using var response = await Server.Http.PostAsync("/faults", new StringContent(body, Encoding.UTF8, "application/json"));
        var answer = JsonElement.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.Created, answer.ToString());
        var added = answer.GetProperty("added");
        return (added.GetProperty("id").GetString()!, added.GetProperty("armed").GetDateTime().ToUniversalTime());
    }

    private async Task<JsonElement[]> Rules() =>
        [.. JsonElement.Parse(await Server.Http.GetStringAsync("/faults")).GetProperty("rules").EnumerateArray()];

    private Task<RpcResponse> Initialize(string token, params (string, string)[] headers) =>
        RpcResponse.Read(Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token, headers)));

    private static string Audience(string token)
    {
        var audience = JsonElement.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).GetProperty("aud");
        return audience.ValueKind == JsonValueKind.Array ? audience[0].GetString()! : audience.GetString()!;
    }
}
