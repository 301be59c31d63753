using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Tools;

/// <summary>Every diagnostic tool end to end: the official client over HTTP against the real server.</summary>
public sealed class DiagnosticToolsOverSdkTests : IAsyncLifetime
{
    private const string Origin = "https://app.example.com";
    private static readonly string Token = Jwt("""{"alg":"RS256","typ":"JWT"}""",
        """{"sub":"user123","name":"John Doe","iat":1516239022,"exp":1516242622}""");

    private static readonly Dictionary<string, string> GatewayHeaders = new()
    {
        ["Authorization"] = "Bearer " + Token,
        ["X-User-Id"] = "12345",
        ["X-User-Name"] = "johndoe",
        ["X-Request-Id"] = "req_abc123",
        ["X-Custom-Probe"] = "probe-value",
        ["Origin"] = Origin,
    };

    private EchoServerHost _server = null!;

    public async Task InitializeAsync() => _server = await EchoServerHost.Start(new Dictionary<string, string?>
    {
        ["MCP_CORS_ALLOWED_ORIGINS"] = Origin,
        ["ECHO_ENABLE_BINARY"] = "true",
        ["MCP_SESSION_TIMEOUT"] = "1800",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Tools_list_has_the_eleven_tools_with_the_union_of_arguments()
    {
        await using var client = await SdkClient.Connect(_server);

        var tools = await client.ListToolsAsync();

        Assert.Equal(
            ["echo", "replayLastEcho", "printHeader", "bearerDecode", "authContext", "requestTiming", "corsAnalysis",
             "environmentDump", "healthProbe", "sessionInfo", "whoIStheGOAT"],
            tools.Select(t => t.Name));
        var arguments = tools.ToDictionary(t => t.Name, t => Arguments(t.ProtocolTool.InputSchema));
        Assert.Equal("message:string!,uppercase:boolean", arguments["echo"]);
        Assert.Equal("", arguments["replayLastEcho"]);
        Assert.Equal("category:string", arguments["printHeader"]);
        Assert.Equal("token:string,includeRaw:boolean", arguments["bearerDecode"]);
        Assert.Equal("showSecrets:boolean", arguments["environmentDump"]);
        Assert.Equal("subject:string", arguments["whoIStheGOAT"]);
        foreach (var empty in new[] { "authContext", "requestTiming", "corsAnalysis", "healthProbe", "sessionInfo" })
        {
            Assert.Equal("", arguments[empty]);
        }
    }

    [Fact]
    public async Task PrintHeader_groups_what_the_client_sent()
    {
        await using var client = await SdkClient.Connect(_server, headers: GatewayHeaders);

        var lines = (await client.Call("printHeader")).Lines();

        AssertReport(lines, "📋 HTTP Headers Analysis", "🔐 Authentication Headers:", "Authorization: Bearer eyJhbGc...",
            "X-User-Id: 12345", "🌐 Standard Headers:", "🔄 MCP Headers:", "X-Custom-Probe: probe-value",
            "📊 Header Statistics:", "Auth headers: 3");
        Assert.Contains(lines, l => l.StartsWith("Host: 127.0.0.1:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Mcp-Session-Id: ", StringComparison.OrdinalIgnoreCase) && l.EndsWith("...", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total headers: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BearerDecode_reads_the_authorization_header()
    {
        await using var client = await SdkClient.Connect(_server, headers: GatewayHeaders);

        var result = await client.Call("bearerDecode", new() { ["includeRaw"] = true });

        Assert.NotEqual(true, result.IsError);
        var lines = result.Lines();
        AssertReport(lines, "🔍 JWT Token Analysis", "  \"alg\": \"RS256\",", "  \"sub\": \"user123\",", "⏱️ Token Status:",
            "- Issued: 2018-01-18 01:30:22 UTC", "- Expires: 2018-01-18 02:30:22 UTC", "- Status: EXPIRED", "🧾 Raw Parts:");
    }

    [Fact]
    public async Task BearerDecode_of_a_malformed_token_is_an_error_result()
    {
        await using var client = await SdkClient.Connect(_server);

        var result = await client.Call("bearerDecode", new() { ["token"] = "not-a-jwt" });

        Assert.True(result.IsError);
        Assert.Contains("❌ Malformed JWT: expected 3 dot-separated segments", result.Text());
    }

    [Fact]
    public async Task AuthContext_shows_the_gateways_identity()
    {
        await using var client = await SdkClient.Connect(_server, headers: GatewayHeaders);

        var lines = (await client.Call("authContext")).Lines();

        AssertReport(lines, "🔐 Authentication Context", "- User ID: 12345", "- Username: johndoe",
            "- GitHub User: johndoe", "- Token Type: Bearer", $"- Token Length: {Token.Length} characters",
            "- Authentication: ✅ Authenticated (gateway X-User-* headers)", $"- Session: {client.SessionId}",
            "- Request ID: req_abc123");
    }

    [Fact]
    public async Task RequestTiming_measures_the_request_the_process_and_the_session()
    {
        await using var client = await SdkClient.Connect(_server);
        await client.Call("echo", new() { ["message"] = "warm-up" });

        var lines = (await client.Call("requestTiming")).Lines();

        AssertReport(lines, "⏱️ Request Timing Analysis", "- Message Queue Size: 0");
        Assert.Contains(lines, l => l.StartsWith("- Request Start: ", StringComparison.Ordinal) && l.EndsWith(" UTC", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Processing Time: ", StringComparison.Ordinal) && l.EndsWith("ms", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Performance: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- CPU Usage: ", StringComparison.Ordinal) && l.Contains("% (average since start", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Memory Usage: ", StringComparison.Ordinal) && l.Contains("MB / ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Active Sessions: ", StringComparison.Ordinal) && int.Parse(l[19..]) >= 1);
        Assert.Contains(lines, l => l.StartsWith("- Requests in Session: ", StringComparison.Ordinal) && int.Parse(l[23..]) >= 3);
        Assert.Contains(lines, l => l.StartsWith("- Average Response Time: ", StringComparison.Ordinal) && l.EndsWith("ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CorsAnalysis_reports_the_configured_policy()
    {
        await using var client = await SdkClient.Connect(_server, headers: GatewayHeaders);

        var lines = (await client.Call("corsAnalysis")).Lines();

        AssertReport(lines, "🌐 CORS Analysis", $"- Origin: {Origin}", "- Origin Allowed: ✅ Yes",
            $"Allowed Origins: {Origin}", "Exposed Headers: Mcp-Session-Id", "Max Age: 86400", "Credentials: false",
            "Status: ✅ Restricted CORS configuration (1 allowed origin)");
    }

    [Fact]
    public async Task EnvironmentDump_shows_the_effective_configuration()
    {
        await using var client = await SdkClient.Connect(_server);

        var lines = (await client.Call("environmentDump")).Lines();

        AssertReport(lines, "🔧 Environment Configuration", "MCP Settings:", "- MCP_ECHO_HOST: 127.0.0.1",
            "- MCP_SESSION_TIMEOUT: 1800", $"- MCP_CORS_ALLOWED_ORIGINS: {Origin}", "Feature Flags:",
            "- Debug Mode: ❌ Disabled", "- Binary Support: ✅ Enabled", "- Compression: ❌ Disabled");
    }

    [Fact]
    public async Task HealthProbe_reports_the_registrys_counters()
    {
        await using var client = await SdkClient.Connect(_server);

        var lines = (await client.Call("healthProbe")).Lines();

        AssertReport(lines, "🏥 System Health Report", "✅ Overall Status: HEALTHY",
            "- Message Queue Depth: 0 (this session)");
        Assert.Contains(lines, l => l.StartsWith("- Active Sessions: ", StringComparison.Ordinal) && l.EndsWith(" / 1000", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Total Sessions Created: ", StringComparison.Ordinal) && int.Parse(l[26..]) >= 1);
        Assert.Contains(lines, l => l.StartsWith("- Sessions Expired: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Cleanup Run Count: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Last Cleanup: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Process Memory: ", StringComparison.Ordinal) && l.EndsWith("MB", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Session Creation Rate: ", StringComparison.Ordinal) && l.EndsWith("/min", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("- Average Session Lifetime: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhoIsTheGoat_is_deterministic_for_a_subject()
    {
        await using var client = await SdkClient.Connect(_server);

        var first = (await client.Call("whoIStheGOAT", new() { ["subject"] = "MCP Protocol" })).Text();
        var second = (await client.Call("whoIStheGOAT", new() { ["subject"] = "MCP Protocol" })).Text();

        Assert.Equal(first, second);
        Assert.StartsWith("🐐 GOAT Analysis Complete\n\nSubject: MCP Protocol\nExcellence Score: 96/100\nGreatness Factor: Legendary\n", first);
        Assert.EndsWith("Verdict: Certified GOAT 🏆", first);
    }

    [Fact]
    public async Task The_stateful_tools_keep_the_seeds_lines()
    {
        await using var client = await SdkClient.Connect(_server);

        var echo = (await client.Call("echo", new() { ["message"] = "Hello, stateful world!", ["uppercase"] = true })).Lines();
        var replay = (await client.Call("replayLastEcho")).Lines();
        var info = (await client.Call("sessionInfo")).Lines();

        Assert.Equal(["HELLO, STATEFUL WORLD!", $"Session: {client.SessionId}", "Echo count in session: 1"], echo);
        AssertReport(replay, "🔄 Replaying last echo:", "Original echo count: 1");
        AssertReport(info, "📊 Session Information", $"- Session ID: {client.SessionId}", "- Echo Count: 1", "- Replay Count: 1");
    }

    private static string Arguments(JsonElement schema)
    {
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        return string.Join(",", schema.GetProperty("properties").EnumerateObject()
            .Select(p => $"{p.Name}:{p.Value.GetProperty("type").GetString()}{(required.Contains(p.Name) ? "!" : "")}"));
    }

    /// <summary>Asserts the report's title and that each of <paramref name="expected"/> is one of its lines.</summary>
    private static void AssertReport(string[] lines, string title, params string[] expected)
    {
        Assert.Equal(title, lines[0]);
        Assert.All(expected, line => Assert.Contains(line, lines));
    }

    internal static string Jwt(string header, string payload) => $"{B64(header)}.{B64(payload)}.c2lnbmF0dXJlLW5vdC12ZXJpZmllZA";

    private static string B64(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
