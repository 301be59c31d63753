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
        await TestCluster.Until(DateTime.UtcNow + TimeSpan.FromSeconds(10), async () =>
        {
            using var health = await second.Mcp.Health();
            return health.RootElement.GetProperty("sessions").GetProperty("active").GetInt32() == 3;
        }, "the second node to count 3 active sessions");

        using var refused = await second.Mcp.Post("""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}
            """);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using var after = await second.Mcp.Health();
        var self = after.RootElement.GetProperty("cluster").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("self").GetBoolean());
        Assert.Equal(1, self.GetProperty("rejected").GetInt64());
        Assert.Equal(3, after.RootElement.GetProperty("sessions").GetProperty("max").GetInt32());
    }
}
