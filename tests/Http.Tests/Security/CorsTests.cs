using System.Net;
using AkkaMcpEcho.Http.Configuration;
using Microsoft.Extensions.Configuration;

namespace AkkaMcpEcho.Http.Tests.Security;

public sealed class CorsTests : IAsyncLifetime
{
    private const string Allowed = "https://app.example.com";
    private EchoServerHost _server = null!;

    public async Task InitializeAsync() => _server = await EchoServerHost.Start(new Dictionary<string, string?>
    {
        ["MCP_CORS_ALLOWED_ORIGINS"] = $"{Allowed}, http://localhost:6274",
        ["MCP_CORS_MAX_AGE"] = "600",
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_gets_204_with_the_grant()
    {
        using var response = await Preflight(Allowed, "POST", "content-type,mcp-session-id,mcp-protocol-version");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(response, "Access-Control-Allow-Methods").Split(','));
        var headers = Single(response, "Access-Control-Allow-Headers").ToLowerInvariant().Split(',');
        Assert.Contains("content-type", headers);
        Assert.Contains("mcp-session-id", headers);
        Assert.Contains("mcp-protocol-version", headers);
        Assert.Equal("600", Single(response, "Access-Control-Max-Age"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("https://evil.example.com")]
    [InlineData("http://app.example.com")]
    [InlineData("null")]
    public async Task A_preflight_from_another_origin_gets_no_grant(string origin)
    {
        using var response = await Preflight(origin, "POST", "content-type");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_preflight_for_a_header_outside_the_policy_gets_no_grant_for_it()
    {
        using var response = await Preflight(Allowed, "POST", "x-not-allowed");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain("x-not-allowed", Single(response, "Access-Control-Allow-Headers").ToLowerInvariant());
    }

    [Fact]
    public async Task An_allowed_origins_post_can_read_the_session_id()
    {
        using var response = await _server.Post(Requests.Initialize(clientName: "cors"), null, ("Origin", Allowed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("mcp-session-id", Single(response, "Access-Control-Expose-Headers").ToLowerInvariant());
        Assert.True(response.Headers.Contains("Mcp-Session-Id"));
    }

    [Fact]
    public async Task An_options_request_that_is_not_a_preflight_lists_the_methods()
    {
        using var response = await _server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/mcp"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, POST, DELETE, OPTIONS", response.Content.Headers.Allow.Count > 0
            ? string.Join(", ", response.Content.Headers.Allow)
            : Single(response, "Allow"));
    }

    [Theory]
    [InlineData(null, "none")]
    [InlineData("*", "*")]
    [InlineData("https://A.example.com/, http://localhost:6274", "https://a.example.com,http://localhost:6274")]
    public void Origins_are_read_and_normalised(string? origins, string shown)
    {
        var settings = Settings(new() { ["MCP_CORS_ALLOWED_ORIGINS"] = origins });

        Assert.Equal(shown, settings.Shown.Single(e => e.Name == "MCP_CORS_ALLOWED_ORIGINS").Value);
        Assert.Equal(86400, settings.Cors.MaxAgeSeconds);
    }

    [Theory]
    [InlineData("MCP_CORS_ALLOWED_ORIGINS", "app.example.com")]
    [InlineData("MCP_CORS_ALLOWED_ORIGINS", "https://app.example.com/path")]
    [InlineData("MCP_CORS_ALLOWED_ORIGINS", "ftp://files.example.com")]
    [InlineData("MCP_CORS_ALLOWED_ORIGINS", "*, https://app.example.com")]
    [InlineData("MCP_CORS_MAX_AGE", "-1")]
    [InlineData("ECHO_ENABLE_BINARY", "maybe")]
    public void Bad_settings_stop_the_server_with_a_clear_message(string key, string value)
    {
        var error = Assert.Throws<SettingsException>(() => Settings(new() { [key] = value }));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Credentials_cannot_be_combined_with_any_origin()
    {
        var error = Assert.Throws<SettingsException>(() =>
            Settings(new() { ["MCP_CORS_ALLOWED_ORIGINS"] = "*", ["MCP_CORS_ALLOW_CREDENTIALS"] = "true" }));

        Assert.Contains("MCP_CORS_ALLOW_CREDENTIALS=true cannot be combined", error.Message);
    }

    private Task<HttpResponseMessage> Preflight(string origin, string method, string headers)
    {
        return _server.Http.SendAsync(RawMcpClient.CreateRequest(HttpMethod.Options, null, null,
            ("Origin", origin), ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", headers)));
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"header {name} missing");

    private static EchoSettings Settings(Dictionary<string, string?> values) => EchoSettings.From(Configuration(values));

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
