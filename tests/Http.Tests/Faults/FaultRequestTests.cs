using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// Bad fault requests are refused with a 400 naming the problem, each bound tested past its edge (the parser's tests
/// hold the edges themselves); the /faults API lists, adds and removes global rules over all traffic.
/// </summary>
public sealed class FaultRequestTests(FaultServer fixture) : ServerTests<FaultServer>(fixture)
{
    [Theory]
    [InlineData("", "empty; expected <effect>[=<value>][; <param>=<value>]..., effects: delay, deny-consent, drop, drop-stream-after, expire-session, expire-token, header-mismatch, malformed, refuse-refresh, rpc-error, slow-stream, status, tools-changed, wrong-audience")]
    [InlineData("explode", "unknown effect 'explode'; known: delay, deny-consent, drop, drop-stream-after, expire-session, expire-token, header-mismatch, malformed, refuse-refresh, rpc-error, slow-stream, status, tools-changed, wrong-audience")]
    [InlineData("delay", "delay needs a value: delay=<milliseconds>")]
    [InlineData("delay=abc", "delay: expected milliseconds, a whole number from 0 to 60000, got 'abc'")]
    [InlineData("delay=60001", "delay: expected milliseconds, a whole number from 0 to 60000, got '60001'")]
    [InlineData("delay=-1", "delay: expected milliseconds, a whole number from 0 to 60000, got '-1'")]
    [InlineData("slow-stream=0", "slow-stream: expected milliseconds, a whole number from 1 to 10000, got '0'")]
    [InlineData("slow-stream=10001", "slow-stream: expected milliseconds, a whole number from 1 to 10000, got '10001'")]
    [InlineData("drop-stream-after=1001", "drop-stream-after: expected an event count, a whole number from 0 to 1000, got '1001'")]
    [InlineData("status=200", "status=200 is not offered; status takes one of 401, 403, 404, 408, 413, 429, 500, 502, 503")]
    [InlineData("status=503; retry-after=3601", "retry-after: expected seconds, a whole number from 0 to 3600, got '3601'")]
    [InlineData("status=502; retry-after=1", "retry-after goes with status=429 or status=503, not status=502")]
    [InlineData("rpc-error=2147483648", "rpc-error: expected a JSON-RPC error code, a whole number from -2147483648 to 2147483647, got '2147483648'")]
    [InlineData("rpc-error=1; color=red", "unknown parameter 'color' for rpc-error (it takes message)")]
    [InlineData("drop=now", "drop takes no value, got 'drop=now'")]
    [InlineData("malformed=xml", "malformed: expected one of json, sse, content-type, got 'xml'")]
    [InlineData("header-mismatch=host", "header-mismatch: expected one of session-id, protocol-version, got 'host'")]
    public async Task A_bad_echo_fault_header_is_400_naming_the_problem(string fault, string problem)
    {
        var session = await RawSession.Start(Server);

        var response = await FaultRequests.Post(Server, Requests.Echo(5, "x"), session.Id, fault);

        Assert.Equal($"Bad Request: Echo-Fault header: {problem}", response.AssertError(HttpStatusCode.BadRequest, -32600, "null"));
        Assert.Equal(1, await session.Echo("nothing ran"));
    }

    [Fact]
    public async Task A_header_longer_than_512_characters_and_a_message_past_200_are_refused()
    {
        var session = await RawSession.Start(Server);

        var longHeader = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "rpc-error=1; message=" + new string('m', 492));
        var longMessage = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "rpc-error=1; message=" + new string('m', 201));
        var longest = await FaultRequests.Post(Server, Requests.Ping(5), session.Id, "rpc-error=1; message=" + new string('m', 200));

        Assert.Equal("Bad Request: Echo-Fault header: longer than 512 characters (513)", longHeader.AssertError(HttpStatusCode.BadRequest, -32600, "null"));
        Assert.Equal("Bad Request: Echo-Fault header: message: expected 1 to 200 characters, got 201",
            longMessage.AssertError(HttpStatusCode.BadRequest, -32600, "null"));
        Assert.Equal(new string('m', 200), longest.AssertError(HttpStatusCode.OK, 1, "5"));
    }

    [Fact]
    public async Task The_faults_api_adds_lists_and_removes_global_rules_that_apply_to_every_session()
    {
        var (a, b) = (await RawSession.Start(Server), await RawSession.Start(Server));
        var tool = "whoIStheGOAT";

        using var added = await Server.Http.PostAsync("/faults", Json($$"""{"fault":"status=503; retry-after=3","tool":"{{tool}}","count":2}"""));
        var rule = JsonElement.Parse(await added.Content.ReadAsStringAsync()).GetProperty("added");
        var id = rule.GetProperty("id").GetString()!;
        var hitA = await a.CallTool(tool);
        var echoA = await a.Echo("echo is not the tool");
        var hitB = await b.CallTool(tool);
        var spent = await b.CallTool(tool);
        var listed = JsonElement.Parse(await Server.Http.GetStringAsync("/faults")).GetProperty("rules");
        using var removed = await Server.Http.DeleteAsync($"/faults/{id}");
        using var again = await Server.Http.DeleteAsync($"/faults/{id}");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(("status=503; retry-after=3", 2, 100), (rule.GetProperty("fault").GetString(), rule.GetProperty("remaining").GetInt32(),
            rule.GetProperty("probability").GetInt32()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, hitA.Status);
        Assert.Equal($"status=503; retry-after=3 (global rule {id})", hitB.Header("Echo-Fault-Applied"));
        Assert.Equal(1, echoA);
        spent.AssertToolResult();
        Assert.Equal(0, listed.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id).GetProperty("remaining").GetInt32());
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal($"{{\"error\":\"no global rule '{id}'\"}}", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"fault":"delay=60001"}""", "fault: delay: expected milliseconds, a whole number from 0 to 60000, got '60001'")]
    [InlineData("""{"fault":"drop","count":0}""", "count: expected a whole number from 1 to 1000, got 0")]
    [InlineData("""{"fault":"drop","probability":101}""", "probability: expected a percentage from 1 to 100, got 101")]
    [InlineData("""{"fault":"drop","count":"2"}""", "count: expected a whole number, got \"2\"")]
    [InlineData("""{"fault":"drop","session":"x"}""", "unknown member 'session'; a rule has fault, method, tool, count, probability")]
    [InlineData("""[]""", "the body must be a JSON object such as {\"fault\": \"status=503; retry-after=2\"}")]
    public async Task A_bad_rule_for_the_faults_api_is_400_naming_the_problem(string body, string problem)
    {
        using var response = await Server.Http.PostAsync("/faults", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(problem, JsonElement.Parse(await response.Content.ReadAsStringAsync()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_faults_api_keeps_at_most_32_global_rules()
    {
        await using var server = await EchoServerHost.Start();
        for (var i = 0; i < 32; i++)
        {
            using var ok = await server.Http.PostAsync("/faults", Json("""{"fault":"delay=1","method":"never/called"}"""));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var refused = await server.Http.PostAsync("/faults", Json("""{"fault":"delay=1"}"""));
        using var cleared = await server.Http.DeleteAsync("/faults");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("32 global rules are set", await refused.Content.ReadAsStringAsync());
        Assert.Equal("""{"rules":[]}""", await cleared.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
