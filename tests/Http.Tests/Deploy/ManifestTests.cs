using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Health;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace AkkaMcpEcho.Http.Tests.Deploy;

/// <summary>deploy/: the Kubernetes manifests parse, their probes and ports match the server's settings, the guide names them.</summary>
public sealed class ManifestTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "deploy");

    [Fact]
    public void The_statefulset_probes_and_ports_match_the_settings_it_gives_the_server()
    {
        var documents = Load();
        var set = Single(documents, "StatefulSet");
        var pod = Map(Map(Map(set, "spec"), "template"), "spec");
        var container = Assert.Single(Seq(pod, "containers").Cast<YamlMappingNode>());
        var env = Seq(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => e);
        var ports = Seq(container, "ports").Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name"), p => int.Parse(Text(p, "containerPort")));

        Assert.Equal(int.Parse(Text(env["MCP_ECHO_PORT"], "value")), ports["http"]);
        Assert.Equal(int.Parse(Text(env["AKKA_REMOTE_PORT"], "value")), ports["remoting"]);
        Assert.Equal((Probes.ReadyPath, "http"), Probe(container, "readinessProbe"));
        Assert.Equal((Probes.LivePath, "http"), Probe(container, "livenessProbe"));
        Assert.True(int.Parse(Text(pod, "terminationGracePeriodSeconds")) >= 30);
        // Every setting the manifest gives is one the server reads, and its value parses.
        var rows = SettingsTable.All.ToDictionary(row => row.Key);
        foreach (var (name, entry) in env.Where(e => e.Key != "POD_NAME"))
        {
            Assert.True(rows.ContainsKey(name), $"{name} is not in the settings table");
        }
        var literal = env.Where(e => e.Value.Children.ContainsKey("value"))
            .ToDictionary(e => e.Key, e => (string?)Text(e.Value, "value"));
        literal["AKKA_REMOTE_PUBLIC_HOSTNAME"] = "akka-mcp-echo-0.akka-mcp-echo-nodes";
        var settings = EchoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(literal).Build());
        Assert.Equal(3, settings.Cluster.Options.Seeds.Count());
        Assert.True(settings.Telemetry.Prometheus);
    }

    [Fact]
    public void The_services_and_the_budget_select_the_pods_and_reach_their_named_ports()
    {
        var documents = Load();
        var labels = Map(Map(Map(Single(documents, "StatefulSet"), "spec"), "template"), "metadata");
        var podLabels = Map(labels, "labels").Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());
        var services = documents.Where(d => Text(d, "kind") == "Service").ToList();
        Assert.Equal(2, services.Count);
        foreach (var service in services.Select(s => Map(s, "spec")).Append(Map(Map(Single(documents, "PodDisruptionBudget"), "spec"), "selector")))
        {
            var selector = service.Children.ContainsKey("selector") ? Map(service, "selector") : Map(service, "matchLabels");
            Assert.All(selector.Children, kv => Assert.Equal(podLabels[kv.Key.ToString()], kv.Value.ToString()));
        }
        var targets = services.SelectMany(s => Seq(Map(s, "spec"), "ports").Cast<YamlMappingNode>()).Select(p => Text(p, "targetPort"));
        Assert.Equal(["remoting", "http"], targets.Order().Reverse());
        Assert.Equal("ServiceAccount", Text(Single(documents, "ServiceAccount"), "kind"));
    }

    [Fact]
    public void The_guide_names_every_setting_the_manifest_sets()
    {
        var guide = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var container = Assert.Single(Seq(Map(Map(Map(Single(Load(), "StatefulSet"), "spec"), "template"), "spec"), "containers").Cast<YamlMappingNode>());
        Assert.All(Seq(container, "env").Cast<YamlMappingNode>().Select(e => Text(e, "name")), name => Assert.Contains($"`{name}`", guide));
    }

    private static List<YamlMappingNode> Load()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, "akka-mcp-echo.yaml"))));
        return [.. yaml.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlMappingNode Single(List<YamlMappingNode> documents, string kind) =>
        Assert.Single(documents, d => Text(d, "kind") == kind);

    private static (string Path, string Port) Probe(YamlMappingNode container, string name)
    {
        var get = Map(Map(container, name), "httpGet");
        return (Text(get, "path"), Text(get, "port"));
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";
}
