using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class EnvironmentDumpToolTests
{
    private const string ApiToken = "tok_live_9f8e7d6c5b4a39281706";
    private const string ShortPassword = "hunter2";
    private const string ConnectionString = "Server=db;User Id=app;Password=Pa55w0rd-long-enough;";
    private const string Passphrase = "correct horse battery staple";
    private const string RedisPassword = "r3dis-only-password";

    private static readonly ConfigurationFacts Configuration = ConfigurationFacts.From(
        [new ConfigEntry("MCP_ECHO_HOST", "0.0.0.0", Safe: true), new ConfigEntry("MCP_ECHO_PORT", "3000", Safe: true),
            new ConfigEntry("MCP_SESSION_TIMEOUT", "3600", Safe: true)],
        [
            new("MCP_ECHO_HOST", "ignored: the effective value wins"),
            new("MCP_GATEWAY_API_TOKEN", ApiToken),
            new("ECHO_ADMIN_PASSWORD", ShortPassword),
            new("MCP_DB", ConnectionString),
            new("MCP_REGION", "eu-west"),
            new("MCP_SIGNING_PASSPHRASE", Passphrase),
            new("ECHO_CACHE", "redis://:" + RedisPassword + "@cache:6379"),
            new("PATH", "/usr/bin"),
            new("ConnectionStrings:Main", "Password=nested"),
        ],
        new FeatureFlags(Binary: true, Compression: false),
        CorsPolicyFacts.Disabled);

    private static ToolResult Dump(bool showSecrets) =>
        Fixtures.Invoke(EnvironmentDumpTool.Definition,
            Fixtures.Context($$"""{"showSecrets":{{(showSecrets ? "true" : "false")}}}""") with
            {
                Host = new HostFacts(ProcessFacts.Unmeasured, Configuration),
                Server = ServerProfile.Default with { Debug = true },
            });

    [Fact]
    public void Shows_the_seeds_layout_with_effective_settings_and_flags()
    {
        var lines = Dump(showSecrets: false).Text.Split('\n');

        Assert.Equal("🔧 Environment Configuration", lines[0]);
        Assert.Contains("MCP Settings:", lines);
        Assert.Contains("- MCP_ECHO_HOST: 0.0.0.0", lines);
        Assert.Contains("- MCP_ECHO_PORT: 3000", lines);
        Assert.Contains("- MCP_SESSION_TIMEOUT: 3600", lines);
        Assert.Contains("- MCP_REGION: ***", lines);
        Assert.Contains("Feature Flags:", lines);
        Assert.Contains("- Debug Mode: ✅ Enabled", lines);
        Assert.Contains("- Binary Support: ✅ Enabled", lines);
        Assert.Contains("- Compression: ❌ Disabled", lines);
        Assert.DoesNotContain("PATH", string.Join('\n', lines));
        Assert.DoesNotContain("ConnectionStrings", string.Join('\n', lines));
    }

    [Fact]
    public void A_value_the_server_does_not_know_is_masked_whatever_its_name()
    {
        var unknown = new ConfigEntry("MCP_REGION_NAME", "plain-looking-value-0123");

        Assert.Equal("***", EnvironmentDumpTool.Value(unknown, showEnds: false));
        Assert.Equal("plai...0123", EnvironmentDumpTool.Value(unknown, showEnds: true));
        Assert.Equal("plain-looking-value-0123", EnvironmentDumpTool.Value(unknown with { Safe = true }, showEnds: false));
        Assert.Equal("***", EnvironmentDumpTool.Value(new ConfigEntry("MCP_X", "redis://:pw@h:1", Safe: true), showEnds: false));
    }

    [Fact]
    public void Secret_values_are_masked()
    {
        var text = Dump(showSecrets: false).Text;

        Assert.Contains("- MCP_GATEWAY_API_TOKEN: ***", text);
        Assert.Contains("- ECHO_ADMIN_PASSWORD: ***", text);
        Assert.Contains("- MCP_DB: ***", text);
        Assert.Contains("- MCP_SIGNING_PASSPHRASE: ***", text);
        Assert.Contains("- ECHO_CACHE: ***", text);
        AssertNoSecret(text);
    }

    [Fact]
    public void Show_secrets_reveals_only_the_ends_of_long_values()
    {
        var text = Dump(showSecrets: true).Text;

        Assert.Contains("- MCP_GATEWAY_API_TOKEN: tok_...1706", text);
        Assert.Contains("- ECHO_ADMIN_PASSWORD: ***", text);
        Assert.Contains("- MCP_DB: Serv...ugh;", text);
        Assert.Contains("- MCP_SIGNING_PASSPHRASE: corr...aple", text);
        Assert.Contains("- MCP_REGION: ***", text);
        AssertNoSecret(text);
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(ApiToken, text);
        Assert.DoesNotContain(ShortPassword, text);
        Assert.DoesNotContain("Pa55w0rd", text);
        Assert.DoesNotContain("ignored", text);
        Assert.DoesNotContain(Passphrase, text);
        Assert.DoesNotContain(RedisPassword, text);
    }
}
