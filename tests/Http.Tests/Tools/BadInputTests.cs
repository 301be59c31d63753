using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Tools;

/// <summary>Every tool with wrong, missing, extra and oversized arguments: a clear -32602 or isError, never a 500, and the session lives on.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private static readonly string Huge = new('x', 100_000);
    private static readonly string IatString = $"{B64("""{"alg":"HS256"}""")}.{B64("""{"iat":"yesterday"}""")}.c2ln";

    public static TheoryData<string, string> Cases => new()
    {
        { "echo", "{}" },
        { "echo", """{"message":1}""" },
        { "echo", """{"message":"hi","shout":true}""" },
        { "replayLastEcho", """{"again":true}""" },
        { "printHeader", """{"category":5}""" },
        { "printHeader", """{"category":null}""" },
        { "printHeader", """{"category":"cookies"}""" },
        { "printHeader", $$"""{"category":"{{Huge}}"}""" },
        { "printHeader", """{"filter":"auth"}""" },
        { "bearerDecode", """{"token":123}""" },
        { "bearerDecode", """{"token":["a","b"]}""" },
        { "bearerDecode", """{"includeRaw":"yes"}""" },
        { "bearerDecode", """{"token":"a.b"}""" },
        { "bearerDecode", """{"token":"e30.e30.e30.e30"}""" },
        { "bearerDecode", """{"token":"e30.!!!.sig"}""" },
        { "bearerDecode", """{"token":"e30.aGVsbG8.sig"}""" },
        { "bearerDecode", $$"""{"token":"{{IatString}}"}""" },
        { "bearerDecode", $$"""{"token":"{{Huge}}"}""" },
        { "bearerDecode", "{}" },
        { "authContext", """{"verbose":true}""" },
        { "requestTiming", """{"samples":3}""" },
        { "corsAnalysis", """{"origin":"https://x.test"}""" },
        { "environmentDump", """{"showSecrets":"true"}""" },
        { "environmentDump", """{"showSecrets":1}""" },
        { "environmentDump", """{"filter":"MCP_"}""" },
        { "healthProbe", """{"deep":true}""" },
        { "sessionInfo", """{"all":true}""" },
        { "whoIStheGOAT", """{"subject":42}""" },
        { "whoIStheGOAT", """{"subject":{"name":"x"}}""" },
        { "whoIStheGOAT", """{"subject":""}""" },
        { "whoIStheGOAT", $$"""{"subject":"{{Huge}}"}""" },
        { "noSuchTool", "{}" },
    };

    private EchoServerHost _server = null!;

    public async Task InitializeAsync() => _server = await EchoServerHost.Start(new Dictionary<string, string?>
    {
        ["MCP_PROTOCOL_VERSIONS_SUPPORTED"] = "2025-11-25,2025-06-18",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Before_2025_11_25_bad_input_is_refused_cleanly(string tool, string arguments)
    {
        var session = await _server.Initialize("2025-06-18");

        var answer = await Call(session, "2025-06-18", tool, arguments);

        AssertRefused(answer);
        await AssertSessionStillWorks(session, "2025-06-18");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task From_2025_11_25_bad_input_is_refused_cleanly(string tool, string arguments)
    {
        var session = await _server.Initialize("2025-11-25");

        var answer = await Call(session, "2025-11-25", tool, arguments);

        AssertRefused(answer);
        if (tool != "noSuchTool")
        {
            Assert.True(answer.TryGetProperty("result", out _), $"{tool} {arguments}: expected an isError result, got {answer}");
        }
        await AssertSessionStillWorks(session, "2025-11-25");
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public async Task Arguments_that_are_not_an_object_are_invalid_params(string arguments)
    {
        var session = await _server.Initialize("2025-06-18");

        var answer = await Call(session, "2025-06-18", "printHeader", arguments);

        Assert.Equal(-32602, answer.GetProperty("error").GetProperty("code").GetInt32());
        await AssertSessionStillWorks(session, "2025-06-18");
    }

    private static void AssertRefused(JsonElement answer)
    {
        if (answer.TryGetProperty("error", out var error))
        {
            Assert.Equal(-32602, error.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
            return;
        }
        var result = answer.GetProperty("result");
        Assert.True(result.GetProperty("isError").GetBoolean(), answer.ToString());
        var text = result.GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(text.Length < 1000, "an error text should be short and clear: " + text[..Math.Min(200, text.Length)]);
    }

    private async Task AssertSessionStillWorks(string session, string version)
    {
        var answer = await Call(session, version, "echo", """{"message":"still here"}""");
        var text = answer.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.StartsWith("still here\n", text);
    }

    private async Task<JsonElement> Call(string session, string version, string tool, string arguments)
    {
        using var response = await _server.Post(Requests.CallTool(7, tool, arguments), session, ("MCP-Protocol-Version", version));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static string B64(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
