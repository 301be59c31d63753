using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>MCP_MAX_SESSIONS counts the sessions of the whole cluster, whichever node created them.</summary>
public sealed class SessionLimitTests
{
    [Fact]
    public async Task The_session_limit_is_cluster_wide()
    {
        await using var cluster = await TestCluster.Start(2, new Dictionary<string, string?> { ["MCP_MAX_SESSIONS"] = "3" });
        var (first, second) = (cluster.Nodes[0], cluster.Nodes[1]);
        for (var i = 0; i < 3; i++)
        {
            await first.Mcp.Initialize();
        }
        // The second node learns the first one's counters by gossip.
        await Eventually.Until(async () => (await second.Mcp.Health()).GetProperty("sessions").GetProperty("active").GetInt32() == 3,
            DateTime.UtcNow + TimeSpan.FromSeconds(10), "the second node to count 3 active sessions");

        using var refused = await second.Mcp.Post(Requests.Initialize(clientName: "x"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var after = await second.Mcp.Health();
        var self = after.GetProperty("cluster").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("self").GetBoolean());
        Assert.Equal(1, self.GetProperty("rejected").GetInt64());
        Assert.Equal(3, after.GetProperty("sessions").GetProperty("max").GetInt32());
    }
}
