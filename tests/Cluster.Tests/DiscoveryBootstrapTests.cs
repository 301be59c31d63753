using System.Diagnostics;
using System.Net;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Xunit.Abstractions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// Cluster bootstrap without seed addresses: three nodes on loopback, each told only every node's management endpoint
/// (config discovery), form one cluster, and any of them answers for a session made on another.
/// </summary>
public sealed class DiscoveryBootstrapTests(ITestOutputHelper output)
{
    /// <summary>Node start (~3 s here), bootstrap's stable margin (5 s), probe rounds (1 s), with room for a loaded machine.</summary>
    private static readonly TimeSpan FormedWithin = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Three_nodes_with_no_seeds_form_one_cluster_through_config_discovery()
    {
        var managementPorts = LoopbackPorts.Distinct(3);
        var clock = Stopwatch.StartNew();
        await using var cluster = await TestCluster.Discover(managementPorts);
        output.WriteLine($"three Up members and three shard regions after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < FormedWithin, $"the cluster took {clock.Elapsed}");

        foreach (var (node, port) in cluster.Nodes.Zip(managementPorts))
        {
            // No seed nodes were configured: discovery alone brought the members together.
            Assert.Empty(Akka.Cluster.Cluster.Get(node.System).Settings.SeedNodes);
            using var ready = await node.Mcp.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            await Eventually.Until(async () => (await node.Mcp.Health()).GetProperty("cluster").GetProperty("members").GetInt32() == 3,
                DateTime.UtcNow + TimeSpan.FromSeconds(10), $"/health on {node.Address} to count three members");
            // The management endpoint listens on 127.0.0.1 at the port given, and names the cluster this node is in.
            var members = await SeedNodesAt(port);
            Assert.Equal(cluster.Nodes.Select(n => n.Address.ToString()).Order(), members.Order());
            // ... and nothing else: the server's own routes stay on its HTTP port.
            using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/health")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await management.PostAsync("/bootstrap/seed-nodes", null)).StatusCode);
        }

        var session = await cluster.Nodes[0].Mcp.Initialize();
        for (var i = 1; i < 3; i++)
        {
            var echo = await cluster.Nodes[i].Mcp.Echo(session, $"found by discovery #{i}");
            Assert.Equal(HttpStatusCode.OK, echo.Status);
            Assert.Equal($"found by discovery #{i}\nSession: {session}\nEcho count in session: {i}", echo.AssertEcho($"found by discovery #{i}"));
        }
    }

    /// <summary>The members the node's contact point reports, read as bootstrap's own prober reads them.</summary>
    private static async Task<IEnumerable<string>> SeedNodesAt(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var json = await http.GetStringAsync($"http://127.0.0.1:{port}/bootstrap/seed-nodes");
        var nodes = Newtonsoft.Json.JsonConvert.DeserializeObject<HttpBootstrapJsonProtocol.SeedNodes>(json)
            ?? throw new InvalidOperationException($"no seed nodes in {json}");
        return nodes.Nodes.Select(n => n.Node.ToString());
    }
}
