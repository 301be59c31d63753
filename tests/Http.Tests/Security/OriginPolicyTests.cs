using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Security;
using Microsoft.AspNetCore.Http;

namespace AkkaMcpEcho.Http.Tests.Security;

public sealed class OriginPolicyTests
{
    private static OriginPolicy Policy(string bindHost, string? hosts = null, string? origins = null)
    {
        var problems = new List<string>();
        var policy = OriginPolicy.From(hosts, origins, bindHost, null, problems);
        return problems.Count == 0 ? policy : throw new SettingsException(problems);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void A_loopback_bind_allows_only_loopback_by_default(string bindHost)
    {
        var policy = Policy(bindHost);

        Assert.Null(policy.RefuseHost(new HostString("localhost:3000")));
        Assert.Null(policy.RefuseHost(new HostString("[::1]:3000")));
        Assert.NotNull(policy.RefuseHost(new HostString("evil.example.com")));
        Assert.NotNull(policy.RefuseOrigin("http://evil.example.com"));
        Assert.Null(policy.RefuseOrigin("http://127.0.0.1:5173"));
    }

    [Fact]
    public void A_network_bind_allows_any_host_and_origin_unless_configured()
    {
        var open = Policy("0.0.0.0");
        var configured = Policy("0.0.0.0", hosts: "mcp.example.com", origins: "https://app.example.com");

        Assert.Null(open.RefuseHost(new HostString("mcp.example.com")));
        Assert.Null(open.RefuseOrigin("https://anything.example.com"));
        Assert.Null(configured.RefuseHost(new HostString("MCP.example.com:443")));
        Assert.NotNull(configured.RefuseHost(new HostString("evil.example.com")));
        Assert.Null(configured.RefuseOrigin("https://APP.example.com"));
        Assert.Null(configured.RefuseOrigin("https://app.example.com:443"));
        Assert.NotNull(configured.RefuseOrigin("http://app.example.com"));
    }

    [Fact]
    public void Invalid_entries_stop_the_server_with_the_setting_named()
    {
        var error = Assert.Throws<SettingsException>(() => Policy("127.0.0.1", origins: "app.example.com/path"));

        Assert.Contains("MCP_ALLOWED_ORIGINS", error.Message);
        Assert.Contains("app.example.com/path", error.Message);
    }
}
