using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// Acceptance 5: three nodes in lab mode with one MCP_AUTH_LAB_KEY and one canonical URI (as behind a load balancer):
/// a client registered and a token issued through node 1 are accepted through nodes 2 and 3; a lab fault armed
/// through one node acts on every node.
/// </summary>
public sealed class LabAcrossNodesTests(LabAcrossNodesTests.ThreeLabNodes fixture) : IClassFixture<LabAcrossNodesTests.ThreeLabNodes>
{
    private const string Resource = "http://mcp.cluster.test/mcp";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_token_issued_through_node_1_is_accepted_through_nodes_2_and_3()
    {
        var (one, two, three) = (fixture.Cluster.Nodes[0].Mcp, fixture.Cluster.Nodes[1].Mcp, fixture.Cluster.Nodes[2].Mcp);
        var client = await LabAuthority.RegisterMachine(one.Http);
        var token = await LabAuthority.Token(one.Http, client, "mcp:basic mcp:echo mcp:extra");

        using var initialized = await two.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token));
        Assert.Equal(HttpStatusCode.OK, initialized.StatusCode);
        var session = initialized.Headers.GetValues("Mcp-Session-Id").Single();
        var echoed = await RpcResponse.Read(three.Post(Requests.Echo(2, "across"), session, LabAuthority.Bearer(token)));
        var context = await RpcResponse.Read(two.Post(Requests.CallTool(3, "authContext"), session, LabAuthority.Bearer(token)));
        // The client node 1 registered also gets tokens from node 3.
        var fromThree = await LabAuthority.Token(three.Http, client, "mcp:basic");
        var listed = await RpcResponse.Read(one.Post(Requests.Request(4, "tools/list"), session, LabAuthority.Bearer(fromThree)));

        Assert.Equal(HttpStatusCode.OK, echoed.Status);
        Assert.StartsWith("across", echoed.Json.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString());
        var text = context.Json.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()!;
        Assert.Contains("- Result: ✅ accepted\n- Signature: ✅ verified\n", text);
        Assert.Contains($"- Audience: ✅ {Resource}\n", text);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
    }

    [Fact]
    public async Task An_expire_token_rule_added_through_node_1_refuses_node_1s_token_through_nodes_2_and_3_until_removed()
    {
        var (one, two, three) = (fixture.Cluster.Nodes[0].Mcp, fixture.Cluster.Nodes[1].Mcp, fixture.Cluster.Nodes[2].Mcp);
        var token = await LabAuthority.Token(one.Http, await LabAuthority.RegisterMachine(one.Http), "mcp:basic");
        Task<RpcResponse> Initialize(RawMcpClient node) =>
            RpcResponse.Read(node.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token)));

        using var added = await one.Http.PostAsync("/faults", new StringContent("""{"fault":"expire-token"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        try
        {
            // Pub-sub subscriptions travel by gossip: poll until each node has the rule (a second once they have).
            foreach (var node in new[] { two, three })
            {
                var refused = await Eventually.Until(() => Initialize(node), r => r.Status == HttpStatusCode.Unauthorized, Within,
                    $"the rule on {node.BaseAddress.Authority}");
                Assert.Contains("the token was expired by a lab fault at ", refused.Headers["WWW-Authenticate"]);
            }
        }
        finally
        {
            using var cleared = await three.Http.DeleteAsync("/faults");
        }
        await Eventually.Until(() => Initialize(two), r => r.Status == HttpStatusCode.OK, Within, "the rule's removal on node 2");
    }

    public sealed class ThreeLabNodes : ThreeNodeFixture
    {
        protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>(LabAuthority.Settings(LabAuthority.NewKey()))
        {
            ["MCP_AUTH_RESOURCE"] = Resource,
        };
    }
}
