using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>
/// The verdict beside each refused request: a 401's or 403's traffic record (JSON, and HAR's _authVerdict) carries the
/// reason and the facts the resource server judged; an expired token with a good signature is said to be both.
/// </summary>
public sealed class RefusalVerdictTests(LabServer fixture) : ServerTests<LabServer>(fixture)
{
    private string Resource => new Uri(Server.BaseAddress, "/mcp").AbsoluteUri;

    [Fact]
    public async Task An_expired_token_with_a_good_signature_is_refused_as_expired_with_its_signature_verified()
    {
        var token = LabAuthority.Mint(LabServer.Key, LabAuthority.Payload(Server.BaseAddress, -60, ""","scope":"mcp:basic" """));
        var foreign = LabAuthority.Mint(LabAuthority.NewKey(), LabAuthority.Payload(Server.BaseAddress, -60, ""","scope":"mcp:basic" """));

        var refused = await Initialize(token, "expired-signed");
        var unknown = await Initialize(foreign, "expired-foreign");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Contains("error_description=\"the token expired at ", refused.Headers["WWW-Authenticate"]);
        Assert.Contains(" (its signature verified)\"", refused.Headers["WWW-Authenticate"]);
        var verdict = (await Recorded("expired-signed")).GetProperty("authVerdict");
        Assert.True(verdict.GetProperty("signatureVerified").GetBoolean());
        Assert.StartsWith("the token expired at ", verdict.GetProperty("reason").GetString());
        Assert.True(verdict.GetProperty("expires").GetDateTime() < DateTime.UtcNow);
        Assert.True(verdict.GetProperty("audience").GetProperty("matches").GetBoolean());
        Assert.Equal(new Uri(Server.BaseAddress, "/").AbsoluteUri, verdict.GetProperty("issuer").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.DoesNotContain("signature verified", unknown.Headers["WWW-Authenticate"]);
        Assert.False((await Recorded("expired-foreign")).GetProperty("authVerdict").GetProperty("signatureVerified").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_audience_and_missing_scopes_are_recorded_with_their_facts_in_the_json_and_the_har()
    {
        var client = await LabAuthority.RegisterMachine(Server.Http);
        var elsewhere = await LabAuthority.Token(Server.Http, client, "mcp:basic", resource: "http://elsewhere.example/mcp");
        var basic = await LabAuthority.Token(Server.Http, client, "mcp:basic");
        await Initialize(elsewhere, "wrong-audience");
        using var started = await Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(basic));
        var session = started.Headers.GetValues("Mcp-Session-Id").Single();
        var forbidden = await RpcResponse.Read(Server.Post(Requests.Echo(2, "hi"), session, LabAuthority.Bearer(basic, ("X-Test", "short-of-scopes"))));

        var audience = (await Recorded("wrong-audience")).GetProperty("authVerdict");
        var scopes = (await Recorded("short-of-scopes")).GetProperty("authVerdict");
        var har = JsonElement.Parse(await Server.Http.GetStringAsync("/traffic/har"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal($"audience was http://elsewhere.example/mcp expected {Resource}", audience.GetProperty("reason").GetString());
        Assert.Equal(Resource, audience.GetProperty("audience").GetProperty("expected").GetString());
        Assert.Equal(["http://elsewhere.example/mcp"], audience.GetProperty("audience").GetProperty("found").EnumerateArray().Select(a => a.GetString()));
        Assert.False(audience.GetProperty("audience").GetProperty("matches").GetBoolean());
        Assert.True(audience.GetProperty("signatureVerified").GetBoolean());
        Assert.Equal("missing scopes mcp:echo and mcp:extra (needed for echo: mcp:basic mcp:echo mcp:extra)", scopes.GetProperty("reason").GetString());
        Assert.Equal(["mcp:basic"], Strings(scopes, "scopesGranted"));
        Assert.Equal(["mcp:basic", "mcp:echo", "mcp:extra"], Strings(scopes, "scopesNeeded"));
        Assert.Equal(["mcp:echo", "mcp:extra"], Strings(scopes, "scopesMissing"));
        var entries = har.GetProperty("log").GetProperty("entries").EnumerateArray().ToArray();
        var refusedEntry = entries.Single(e => e.GetProperty("request").GetProperty("headers").EnumerateArray()
            .Any(h => h.GetProperty("name").GetString() == "X-Test" && h.GetProperty("value").GetString() == "short-of-scopes"));
        Assert.Equal(["mcp:echo", "mcp:extra"], Strings(refusedEntry.GetProperty("_authVerdict"), "scopesMissing"));
        Assert.All(entries.Where(e => e.GetProperty("response").GetProperty("status").GetInt32() == 200),
            e => Assert.False(e.TryGetProperty("_authVerdict", out _)));
    }

    private Task<RpcResponse> Initialize(string token, string mark) =>
        RpcResponse.Read(Server.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token, ("X-Test", mark))));

    private static string[] Strings(JsonElement verdict, string name) => [.. verdict.GetProperty(name).EnumerateArray().Select(s => s.GetString()!)];

    /// <summary>The traffic record of the request that carried <c>X-Test: <paramref name="mark"/></c>.</summary>
    private Task<JsonElement> Recorded(string mark) => TrafficRecords.Marked(Server, mark);
}
