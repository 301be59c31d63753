using System.Net;
using AkkaMcpEcho.Http.Auth;
using AkkaMcpEcho.Http.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AkkaMcpEcho.Http.Tests.Auth;

/// <summary>MCP_AUTH_* settings: what each mode needs, said at start; and mode none runs nothing of it.</summary>
public sealed class AuthSettingsTests(DefaultServer fixture) : ServerTests<DefaultServer>(fixture)
{
    [Theory]
    [InlineData("MCP_AUTH_MODE=lab,AKKA_CLUSTER_ENABLED=true", "MCP_AUTH_MODE=lab in cluster mode needs MCP_AUTH_LAB_KEY")]
    [InlineData("MCP_AUTH_MODE=jwt", "MCP_AUTH_MODE=jwt needs MCP_AUTH_ISSUER")]
    [InlineData("MCP_AUTH_MODE=oauth", "MCP_AUTH_MODE=oauth: expected none, jwt or lab")]
    [InlineData("MCP_AUTH_REQUIRED_SCOPES=echo", "MCP_AUTH_REQUIRED_SCOPES=echo: 'echo' is not of the form name=scope scope")]
    [InlineData("MCP_AUTH_REQUIRED_SCOPES=echo=a;echo=b", "'echo' is given twice")]
    [InlineData("MCP_AUTH_RESOURCE=mcp.example", "MCP_AUTH_RESOURCE=mcp.example: expected an absolute http or https URL")]
    public void A_mode_without_what_it_needs_refuses_to_start_and_says_what_is_missing(string pairs, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => EchoSettings.From(Config(pairs)));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_cluster_lab_takes_its_key_from_the_shared_request_state_key_when_it_has_none_of_its_own()
    {
        var stateKey = LabAuthority.NewKey();

        var settings = EchoSettings.From(Config($"MCP_AUTH_MODE=lab,AKKA_CLUSTER_ENABLED=true,MCP_REQUEST_STATE_KEY={stateKey}"));

        Assert.Equal(Convert.FromBase64String(stateKey), settings.Auth.LabKey);
        Assert.Equal(["mcp:a", "mcp:b"], EchoSettings.From(Config("MCP_AUTH_REQUIRED_SCOPES=tools/call=mcp:a;*=mcp:b")).Auth.Scopes.All.ToArray());
    }

    [Fact]
    public async Task With_mode_none_no_gate_and_no_metadata_exist()
    {
        Assert.Null(Server.Services.GetService<BearerGate>());
        using var metadata = await Server.Http.GetAsync("/.well-known/oauth-protected-resource");
        Assert.Equal(HttpStatusCode.NotFound, metadata.StatusCode);
        Assert.Equal(1, await (await RawSession.Start(Server)).Echo("no token needed"));
    }

    /// <summary>KEY=value pairs separated by ','; a ';' inside a value stands for a comma.</summary>
    private static IConfiguration Config(string pairs) => new ConfigurationBuilder().AddInMemoryCollection(
        pairs.Split(',').Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => (string?)pair[1].Replace(';', ','))).Build();
}
