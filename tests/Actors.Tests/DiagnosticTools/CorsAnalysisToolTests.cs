using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class CorsAnalysisToolTests
{
    private static ToolContext With(CorsPolicyFacts policy, params (string, string)[] headers) =>
        Fixtures.Context("{}", headers) with
        {
            Host = new HostFacts(ProcessFacts.Unmeasured, ConfigurationFacts.Empty with { Cors = policy }),
        };

    [Fact]
    public void Shows_the_requests_cors_headers_and_the_servers_policy()
    {
        var policy = new CorsPolicyFacts(["https://app.example.com", "http://localhost:6274"], false, true, 600);

        var result = Fixtures.Invoke(CorsAnalysisTool.Definition,
            With(policy, ("Origin", "https://app.example.com"), ("Access-Control-Request-Method", "POST")));

        var lines = result.Text.Split('\n');
        Assert.Equal("🌐 CORS Analysis", lines[0]);
        Assert.Contains("- Origin: https://app.example.com", lines);
        Assert.Contains("- Access-Control-Request-Method: POST", lines);
        Assert.Contains("- Access-Control-Request-Headers: not present", lines);
        Assert.Contains("- Origin Allowed: ✅ Yes", lines);
        Assert.Contains("Allowed Origins: https://app.example.com, http://localhost:6274", lines);
        Assert.Contains("Allowed Methods: GET, POST, DELETE, OPTIONS", lines);
        Assert.Contains("Allowed Headers: Content-Type, Accept, Authorization, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID", lines);
        Assert.Contains("Exposed Headers: Mcp-Session-Id", lines);
        Assert.Contains("Max Age: 600", lines);
        Assert.Contains("Credentials: true", lines);
        Assert.Contains("Status: ✅ Restricted CORS configuration (2 allowed origins)", lines);
    }

    [Fact]
    public void A_wildcard_policy_is_permissive()
    {
        var lines = Fixtures.Invoke(CorsAnalysisTool.Definition,
            With(new CorsPolicyFacts([], true, false, 86400), ("Origin", "https://anywhere.test"))).Text.Split('\n');

        Assert.Contains("Allowed Origins: *", lines);
        Assert.Contains("- Origin Allowed: ✅ Yes", lines);
        Assert.Contains("Max Age: 86400", lines);
        Assert.Contains("Credentials: false", lines);
        Assert.Contains("Status: ✅ Permissive CORS configuration (any origin)", lines);
    }

    [Fact]
    public void Without_origins_cors_is_disabled_and_the_origin_refused()
    {
        var lines = Fixtures.Invoke(CorsAnalysisTool.Definition,
            With(CorsPolicyFacts.Disabled, ("Origin", "https://evil.test"))).Text.Split('\n');

        Assert.Contains("Allowed Origins: none", lines);
        Assert.Contains("- Origin Allowed: ❌ No (not in MCP_CORS_ALLOWED_ORIGINS)", lines);
        Assert.StartsWith("Status: ⚠️ CORS disabled", lines[^1]);
    }
}
