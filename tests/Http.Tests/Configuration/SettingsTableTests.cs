using AkkaMcpEcho.Http.Configuration;
using Microsoft.Extensions.Configuration;

namespace AkkaMcpEcho.Http.Tests.Configuration;

/// <summary>One table of settings: everything read from it, every row shown by environmentDump.</summary>
public sealed class SettingsTableTests
{
    [Fact]
    public void Every_row_of_the_table_is_shown_once_in_table_order()
    {
        var settings = EchoSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(SettingsTable.All.Select(s => s.Key), settings.Shown.Select(e => e.Name));
        // Only secrets are masked, and even their shown values never hold the secret (a key shows its length, a token "set").
        Assert.Equal(["MCP_REQUEST_STATE_KEY", "MCP_TRAFFIC_TOKEN", "MCP_AUTH_LAB_KEY", "MCP_SESSION_STORE_CONNECTION"], settings.Shown.Where(e => !e.Safe).Select(e => e.Name));
    }

    [Fact]
    public void Defaults_are_what_the_table_says()
    {
        var settings = EchoSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(3000, settings.Port);
        Assert.Equal(TimeSpan.FromHours(1), settings.Profile.SessionTimeout);
        Assert.Equal(1000, settings.Profile.MaxSessions);
        Assert.False(settings.Cluster.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Cluster.Options.AskTimeout);
        // Where the default is a value rather than a sentence, --help shows what the server uses.
        string[] described = ["MCP_ALLOWED_HOSTS", "MCP_ALLOWED_ORIGINS", "MCP_REQUEST_STATE_KEY", "MCP_AUTH_RESOURCE", "MCP_AUTH_ISSUER",
            "MCP_AUTH_METADATA_URL", "MCP_AUTH_LAB_KEY", "AKKA_REMOTE_PUBLIC_HOSTNAME", "AKKA_CLUSTER_SEEDS"];
        Assert.All(SettingsTable.All.Where(row => !described.Contains(row.Key)), row =>
            Assert.Equal((row.Key, row.DefaultText), (row.Key, settings.Shown.Single(e => e.Name == row.Key).Value)));
    }

    [Fact]
    public void All_bad_values_are_reported_in_one_exception()
    {
        var error = Assert.Throws<SettingsException>(() => EchoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["MCP_ECHO_HOST"] = "not an address",
                ["MCP_PROTOCOL_VERSIONS_SUPPORTED"] = "2025-06-18,1999-01-01",
                ["AKKA_CLUSTER_SEEDS"] = "tcp://elsewhere:1",
            }).Build()));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("MCP_ECHO_HOST=not an address", error.Message);
        Assert.Contains("MCP_PROTOCOL_VERSIONS_SUPPORTED=2025-06-18,1999-01-01: every entry must be one of", error.Message);
        Assert.Contains("AKKA_CLUSTER_SEEDS=tcp://elsewhere:1: 'tcp://elsewhere:1' is not of the form", error.Message);
    }

    [Theory]
    [InlineData("0", null, true)]
    [InlineData("-1", null, false)]
    [InlineData("soon", null, false)]
    [InlineData("60", "3600", true)]
    [InlineData("3599", "3600", true)]
    public void The_dormancy_delay_holds_at_its_edge(string dormantAfter, string? timeout, bool valid)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MCP_SESSION_DORMANT_AFTER"] = dormantAfter,
            ["MCP_SESSION_TIMEOUT"] = timeout,
        }).Build();

        if (valid)
        {
            Assert.Contains(EchoSettings.From(config).Shown, e => e.Name == "MCP_SESSION_DORMANT_AFTER" && e.Value == dormantAfter);
        }
        else
        {
            Assert.StartsWith($"MCP_SESSION_DORMANT_AFTER={dormantAfter}: ",
                Assert.Single(Assert.Throws<SettingsException>(() => EchoSettings.From(config)).Problems));
        }
    }

    [Theory]
    [InlineData("60", "3600", "memory", true)]
    [InlineData("0", "3600", "memory", false)]
    [InlineData("3600", "3600", "memory", false)]
    [InlineData("60", "3600", "sqlite", false)]
    public void Sessions_go_dormant_only_in_memory_and_before_they_expire(string dormantAfter, string timeout, string store, bool dormancy)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MCP_SESSION_DORMANT_AFTER"] = dormantAfter,
            ["MCP_SESSION_TIMEOUT"] = timeout,
            ["MCP_SESSION_STORE"] = store,
        }).Build();

        Assert.Equal(dormancy, EchoSettings.From(config).Profile.Dormancy);
    }

    [Theory]
    [InlineData("MCP_TRAFFIC_EXCHANGES", "1", true)]
    [InlineData("MCP_TRAFFIC_EXCHANGES", "0", false)]
    [InlineData("MCP_TRAFFIC_EXCHANGES", "1000000", true)]
    [InlineData("MCP_TRAFFIC_EXCHANGES", "1000001", false)]
    [InlineData("MCP_TRAFFIC_BYTES", "65536", true)]
    [InlineData("MCP_TRAFFIC_BYTES", "65535", false)]
    [InlineData("MCP_TRAFFIC_SESSION_EXCHANGES", "0", true)]
    [InlineData("MCP_TRAFFIC_SESSION_EXCHANGES", "-1", false)]
    [InlineData("MCP_TRAFFIC_SESSION_EXCHANGES", "10000", true)]
    [InlineData("MCP_TRAFFIC_SESSION_EXCHANGES", "10001", false)]
    [InlineData("MCP_TRAFFIC_SESSION_BYTES", "4096", true)]
    [InlineData("MCP_TRAFFIC_SESSION_BYTES", "4095", false)]
    [InlineData("MCP_TRAFFIC_BODY_BYTES", "16777216", true)]
    [InlineData("MCP_TRAFFIC_BODY_BYTES", "16777217", false)]
    [InlineData("MCP_TRAFFIC_EVENTS", "100000", true)]
    [InlineData("MCP_TRAFFIC_EVENTS", "100001", false)]
    [InlineData("MCP_TRAFFIC_ENABLED", "maybe", false)]
    public void The_traffic_limits_hold_at_their_edges(string key, string value, bool valid)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        if (valid)
        {
            Assert.Contains(EchoSettings.From(config).Shown, e => e.Name == key && e.Value == value);
        }
        else
        {
            Assert.StartsWith($"{key}={value}: ", Assert.Single(Assert.Throws<SettingsException>(() => EchoSettings.From(config)).Problems));
        }
    }

    [Fact]
    public void The_traffic_token_is_never_shown()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MCP_TRAFFIC_TOKEN"] = "tok-123456" }).Build();

        var shown = Assert.Single(EchoSettings.From(config).Shown, e => e.Name == "MCP_TRAFFIC_TOKEN");

        Assert.Equal(("set", false), (shown.Value, shown.Safe));
    }
}
