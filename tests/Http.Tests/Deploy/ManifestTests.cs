using AkkaMcpEcho.Actors.Sharding;
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
    public void The_deployment_probes_and_ports_match_the_settings_it_gives_the_server()
    {
        var (_, container, env) = Pod(Load());
        var ports = Seq(container, "ports").Cast<YamlMappingNode>().ToDictionary(p => Text(p, "name"), p => int.Parse(Text(p, "containerPort")));
        var settings = Settings(env);

        Assert.Equal(settings.Port, ports["http"]);
        Assert.Equal(settings.Cluster.Options.Port, ports["remoting"]);
        // Pod discovery finds a pod's management endpoint by this port name.
        Assert.Equal(settings.Cluster.Options.Discovery.ManagementPort, ports[ClusterDiscovery.PortName]);
        Assert.Equal((Probes.ReadyPath, "http"), Probe(container, "readinessProbe"));
        Assert.Equal((Probes.LivePath, "http"), Probe(container, "livenessProbe"));
        Assert.True(settings.Cluster.Enabled);
        Assert.True(settings.Telemetry.Prometheus);
        // Every setting the manifest gives is one the server reads.
        var rows = SettingsTable.All.ToDictionary(row => row.Key);
        Assert.All(env.Keys.Where(name => name != "POD_IP"), name => Assert.True(rows.ContainsKey(name), $"{name} is not in the settings table"));
    }

    [Fact]
    public void The_nodes_find_each_other_through_the_kubernetes_api_and_not_through_seed_addresses()
    {
        var documents = Load();
        var (_, _, env) = Pod(documents);
        var discovery = Settings(env).Cluster.Options;
        var deployment = Single(documents, "Deployment");
        var podLabels = Labels(Map(Map(Map(deployment, "spec"), "template"), "metadata"));

        Assert.Equal(DiscoveryMethod.Kubernetes, discovery.Discovery.Method);
        Assert.Empty(discovery.Seeds);
        Assert.DoesNotContain("AKKA_CLUSTER_SEEDS", env.Keys);
        // The label selector selects these pods; formation waits for no more pods than the deployment runs.
        Assert.All(discovery.Discovery.PodLabelSelector.Split(','), pair =>
            Assert.Equal(pair.Split('=')[1], podLabels[pair.Split('=')[0]]));
        Assert.InRange(discovery.Discovery.RequiredContactPoints, 2, int.Parse(Text(Map(deployment, "spec"), "replicas")));
        // Bootstrap's own contact point is the pod address that discovery returns for it.
        Assert.Equal("status.podIP", Text(Map(Map(env["POD_IP"], "valueFrom"), "fieldRef"), "fieldPath"));
        Assert.Equal("$(POD_IP)", Text(env["AKKA_REMOTE_PUBLIC_HOSTNAME"], "value"));
    }

    [Fact]
    public void The_pods_service_account_may_get_watch_and_list_pods_and_nothing_more()
    {
        var documents = Load();
        var (pod, _, _) = Pod(documents);
        var account = Text(pod, "serviceAccountName");
        var role = Single(documents, "Role");
        var binding = Single(documents, "RoleBinding");

        Assert.Equal(account, Text(Map(Single(documents, "ServiceAccount"), "metadata"), "name"));
        var rule = Assert.Single(Seq(role, "rules").Cast<YamlMappingNode>());
        Assert.Equal([""], Strings(rule, "apiGroups"));
        Assert.Equal(["pods"], Strings(rule, "resources"));
        Assert.Equal(["get", "list", "watch"], Strings(rule, "verbs").Order());
        var roleRef = Map(binding, "roleRef");
        Assert.Equal(("Role", Text(Map(role, "metadata"), "name")), (Text(roleRef, "kind"), Text(roleRef, "name")));
        var subject = Assert.Single(Seq(binding, "subjects").Cast<YamlMappingNode>());
        Assert.Equal(("ServiceAccount", account), (Text(subject, "kind"), Text(subject, "name")));
    }

    [Fact]
    public void A_terminating_pod_leaves_the_endpoints_before_it_leaves_the_cluster_within_its_grace_period()
    {
        var documents = Load();
        var (pod, container, _) = Pod(documents);
        var preStop = Strings(Map(Map(Map(container, "lifecycle"), "preStop"), "exec"), "command");
        var strategy = Map(Map(Map(Single(documents, "Deployment"), "spec"), "strategy"), "rollingUpdate");

        Assert.Equal("sleep", preStop[0]);
        // The pause before SIGTERM, then CoordinatedShutdown's hand-off (sharding's handoff-timeout is 10 s) fit the grace period.
        Assert.True(int.Parse(Text(pod, "terminationGracePeriodSeconds")) >= int.Parse(preStop[1]) + 30);
        Assert.Equal("0", Text(strategy, "maxUnavailable"));
        Assert.Equal("1", Text(Map(Single(documents, "PodDisruptionBudget"), "spec"), "maxUnavailable"));
    }

    [Fact]
    public void The_service_and_the_budget_select_the_pods_and_reach_their_http_port()
    {
        var documents = Load();
        var deployment = Map(Single(documents, "Deployment"), "spec");
        var podLabels = Labels(Map(Map(deployment, "template"), "metadata"));
        var service = Map(Single(documents, "Service"), "spec");
        foreach (var selector in new[] { Map(service, "selector"), Map(Map(deployment, "selector"), "matchLabels"),
            Map(Map(Map(Single(documents, "PodDisruptionBudget"), "spec"), "selector"), "matchLabels") })
        {
            Assert.All(selector.Children, kv => Assert.Equal(podLabels[kv.Key.ToString()], kv.Value.ToString()));
        }
        Assert.Equal(["http"], Seq(service, "ports").Cast<YamlMappingNode>().Select(p => Text(p, "targetPort")));
    }

    [Fact]
    public void The_guide_names_every_setting_the_manifest_sets_and_every_discovery_setting()
    {
        var guide = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var (_, _, env) = Pod(Load());
        string[] discovery = [SettingsTable.ClusterDiscovery.Key, SettingsTable.ManagementPort.Key, SettingsTable.DiscoveryConfigEndpoints.Key,
            SettingsTable.DiscoveryPodLabelSelector.Key, SettingsTable.DiscoveryRequiredContactPoints.Key];
        Assert.All(env.Keys.Concat(discovery), name => Assert.Contains($"`{name}`", guide));
    }

    /// <summary>The server's settings from the manifest's literal values, with the pod address the downward API would give.</summary>
    private static EchoSettings Settings(Dictionary<string, YamlMappingNode> env)
    {
        var literal = env.Where(e => e.Value.Children.ContainsKey("value")).ToDictionary(e => e.Key, e => (string?)Text(e.Value, "value"));
        literal["AKKA_REMOTE_PUBLIC_HOSTNAME"] = literal["AKKA_REMOTE_PUBLIC_HOSTNAME"]?.Replace("$(POD_IP)", "10.1.2.3", StringComparison.Ordinal);
        return EchoSettings.From(new ConfigurationBuilder().AddInMemoryCollection(literal).Build());
    }

    private static (YamlMappingNode Pod, YamlMappingNode Container, Dictionary<string, YamlMappingNode> Env) Pod(List<YamlMappingNode> documents)
    {
        var pod = Map(Map(Map(Single(documents, "Deployment"), "spec"), "template"), "spec");
        var container = Assert.Single(Seq(pod, "containers").Cast<YamlMappingNode>());
        return (pod, container, Seq(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name"), e => e));
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

    private static Dictionary<string, string> Labels(YamlMappingNode metadata) =>
        Map(metadata, "labels").Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());

    private static string[] Strings(YamlMappingNode node, string key) => [.. Seq(node, key).Cast<YamlScalarNode>().Select(s => s.Value ?? "")];

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value ?? "";
}
