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
        // Only a secret is masked, and even its shown value never holds the secret (a key shows its length).
        Assert.Equal(["MCP_REQUEST_STATE_KEY"], settings.Shown.Where(e => !e.Safe).Select(e => e.Name));
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
        string[] described = ["MCP_ALLOWED_HOSTS", "MCP_ALLOWED_ORIGINS", "MCP_REQUEST_STATE_KEY", "AKKA_REMOTE_PUBLIC_HOSTNAME", "AKKA_CLUSTER_SEEDS"];
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
}
