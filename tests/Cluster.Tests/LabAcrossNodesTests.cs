using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// Acceptance 5: three nodes in lab mode with one MCP_AUTH_LAB_KEY and one canonical URI (as behind a load balancer):
/// a client registered and a token issued through node 1 are accepted through nodes 2 and 3.
/// </summary>
public sealed class LabAcrossNodesTests(LabAcrossNodesTests.ThreeLabNodes fixture) : IClassFixture<LabAcrossNodesTests.ThreeLabNodes>
{
    private const string Resource = "http://mcp.cluster.test/mcp";

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

    public sealed class ThreeLabNodes : ThreeNodeFixture
    {
        protected override IDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>(LabAuthority.Settings(LabAuthority.NewKey()))
        {
            ["MCP_AUTH_RESOURCE"] = Resource,
        };
    }
}
