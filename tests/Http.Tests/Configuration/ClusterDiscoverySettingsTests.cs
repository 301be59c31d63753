using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Http.Configuration;
using Microsoft.Extensions.Configuration;

namespace AkkaMcpEcho.Http.Tests.Configuration;

/// <summary>The discovery settings: how a cluster node without seed addresses finds the others, and what they refuse.</summary>
public sealed class ClusterDiscoverySettingsTests
{
    [Fact]
    public void Config_discovery_reads_the_endpoints_the_management_port_and_the_contact_points_required()
    {
        var settings = Read(new()
        {
            ["AKKA_CLUSTER_DISCOVERY"] = "Config",
            ["AKKA_DISCOVERY_CONFIG_ENDPOINTS"] = "127.0.0.1:8601, 127.0.0.1:8602,node-3.local:8603",
            ["AKKA_MANAGEMENT_PORT"] = "8601",
            ["AKKA_DISCOVERY_REQUIRED_CONTACT_POINTS"] = "3",
        });

        var discovery = settings.Cluster.Options.Discovery;
        Assert.Equal(DiscoveryMethod.Config, discovery.Method);
        Assert.Equal(["127.0.0.1:8601", "127.0.0.1:8602", "node-3.local:8603"], discovery.ConfigEndpoints.ToArray());
        Assert.Equal((8601, 3), (discovery.ManagementPort, discovery.RequiredContactPoints));
        Assert.Empty(settings.Cluster.Options.Seeds);
        Assert.Contains(settings.Shown, e => e.Name == "AKKA_CLUSTER_DISCOVERY" && e.Value == "config");
    }

    [Fact]
    public void Kubernetes_discovery_selects_the_pods_by_the_label_selector_given_or_the_default()
    {
        var chosen = Read(new() { ["AKKA_CLUSTER_DISCOVERY"] = "kubernetes", ["AKKA_DISCOVERY_POD_LABEL_SELECTOR"] = "app=echo,tier=mcp" });
        var defaulted = Read(new() { ["AKKA_CLUSTER_DISCOVERY"] = "kubernetes" });

        Assert.Equal((DiscoveryMethod.Kubernetes, "app=echo,tier=mcp"), (chosen.Cluster.Options.Discovery.Method, chosen.Cluster.Options.Discovery.PodLabelSelector));
        Assert.Equal("app.kubernetes.io/name=akka-mcp-echo", defaulted.Cluster.Options.Discovery.PodLabelSelector);
        Assert.Equal((8558, 2), (defaulted.Cluster.Options.Discovery.ManagementPort, defaulted.Cluster.Options.Discovery.RequiredContactPoints));
    }

    [Fact]
    public void Without_the_setting_there_is_no_discovery()
    {
        Assert.Equal(DiscoveryMethod.None, Read(new()).Cluster.Options.Discovery.Method);
    }

    [Theory]
    [InlineData("AKKA_CLUSTER_DISCOVERY", "dns", "AKKA_CLUSTER_DISCOVERY=dns: expected none, config or kubernetes")]
    [InlineData("AKKA_DISCOVERY_CONFIG_ENDPOINTS", "127.0.0.1:8601,127.0.0.1", "'127.0.0.1' is not of the form HOST:PORT")]
    [InlineData("AKKA_DISCOVERY_CONFIG_ENDPOINTS", "127.0.0.1:0", "'127.0.0.1:0' is not of the form HOST:PORT")]
    [InlineData("AKKA_DISCOVERY_CONFIG_ENDPOINTS", "http://127.0.0.1:8601", "is not of the form HOST:PORT")]
    [InlineData("AKKA_DISCOVERY_CONFIG_ENDPOINTS", "[::1]:8601", "'[::1]:8601' is not of the form HOST:PORT (HOST a name or an IPv4 address)")]
    [InlineData("AKKA_MANAGEMENT_PORT", "0", "AKKA_MANAGEMENT_PORT=0: expected a whole number from 1 to 65535")]
    [InlineData("AKKA_DISCOVERY_REQUIRED_CONTACT_POINTS", "0", "expected a whole number from 1 to 1000")]
    public void A_bad_value_is_named_with_what_was_expected(string key, string value, string problem)
    {
        var error = Assert.Throws<SettingsException>(() => Read(new() { ["AKKA_CLUSTER_DISCOVERY"] = "config", [key] = value }));

        Assert.Contains(error.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_that_cannot_work_together_are_refused_each_with_its_reason()
    {
        var error = Assert.Throws<SettingsException>(() => Read(new()
        {
            ["AKKA_CLUSTER_DISCOVERY"] = "config",
            ["AKKA_CLUSTER_SEEDS"] = "akka.tcp://akka-mcp-echo@127.0.0.1:4053",
            ["AKKA_REMOTE_HOSTNAME"] = "node-1.example",
            ["MCP_ECHO_PORT"] = "8558",
        }));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains("AKKA_CLUSTER_SEEDS and AKKA_CLUSTER_DISCOVERY=config exclude each other", error.Message);
        Assert.Contains("AKKA_CLUSTER_DISCOVERY=config needs AKKA_DISCOVERY_CONFIG_ENDPOINTS", error.Message);
        Assert.Contains("AKKA_REMOTE_HOSTNAME=node-1.example: with discovery the management endpoint binds there too", error.Message);
        Assert.Contains("AKKA_MANAGEMENT_PORT=8558: the management endpoint needs a port of its own", error.Message);
    }

    [Fact]
    public void Discovery_settings_are_not_checked_outside_cluster_mode()
    {
        var settings = Read(new() { ["AKKA_CLUSTER_ENABLED"] = "false", ["AKKA_CLUSTER_DISCOVERY"] = "config" });

        Assert.False(settings.Cluster.Enabled);
    }

    private static EchoSettings Read(Dictionary<string, string?> values)
    {
        values.TryAdd("AKKA_CLUSTER_ENABLED", "true");
        return EchoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
