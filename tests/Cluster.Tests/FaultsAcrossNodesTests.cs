using System.Net;
using System.Text;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// A global rule added through one node applies to requests through every node; a session's own rule lives with its
/// entity, so it applies whichever node the request comes through.
/// </summary>
public sealed class FaultsAcrossNodesTests(FaultsAcrossNodesTests.ThreeFaultNodes fixture) : IClassFixture<FaultsAcrossNodesTests.ThreeFaultNodes>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_global_rule_added_through_node_1_applies_to_requests_through_nodes_2_and_3()
    {
        var (one, two, three) = (Cluster.Nodes[0].Mcp, Cluster.Nodes[1].Mcp, Cluster.Nodes[2].Mcp);
        var session = await one.Initialize();

        using var added = await one.Http.PostAsync("/faults",
            new StringContent("""{"fault":"status=503; retry-after=1","tool":"whoIStheGOAT"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // Pub-sub subscriptions travel by gossip: poll until each node has the rule (a second once they have).
        foreach (var node in new[] { two, three })
        {
            var answer = await Eventually.Until(() => node.CallTool(session, "whoIStheGOAT"), r => r.Status == HttpStatusCode.ServiceUnavailable,
                Within, $"the rule on {node.BaseAddress.Authority}");
            Assert.StartsWith("status=503; retry-after=1 (global rule g", answer.Header("Echo-Fault-Applied"));
        }
        using var cleared = await three.Http.DeleteAsync("/faults");
        await Eventually.Until(() => two.CallTool(session, "whoIStheGOAT"), r => r.Status == HttpStatusCode.OK, Within, "the rule's removal on node 2");
    }

    [Fact]
    public async Task A_session_rule_armed_through_node_1_applies_to_its_request_through_node_3()
    {
        var (one, three) = (Cluster.Nodes[0].Mcp, Cluster.Nodes[2].Mcp);
        var session = await one.Initialize();

        var armed = await one.CallTool(session, "injectFault", """{"fault":"rpc-error=-32042","tool":"echo"}""");
        var hit = await three.Echo(session, "through node 3");

        Assert.Equal(HttpStatusCode.OK, armed.Status);
        Assert.Equal(-32042, hit.Json.GetProperty("error").GetProperty("code").GetInt32());
    }

    /// <summary>Three nodes that offer injectFault.</summary>
    public sealed class ThreeFaultNodes : ThreeNodeFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["MCP_FAULTS_TOOL"] = "true" };
    }
}
