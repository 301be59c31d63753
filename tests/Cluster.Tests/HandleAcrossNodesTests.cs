using System.Net;
using System.Text.Json;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A 2026-07-28 handle is an entity like a session: minted through one node, continued through any other.</summary>
public sealed class HandleAcrossNodesTests(ThreeNodeFixture fixture) : IClassFixture<ThreeNodeFixture>
{
    private TestCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_handle_minted_through_node_1_is_continued_through_nodes_2_and_3()
    {
        var hosts = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var minted = await Echo(0, $"first {i}", "new");
            var handle = minted.GetProperty("structuredContent").GetProperty("session").GetString()!;

            var second = await Echo(1, $"second {i}", handle);
            var replay = await Call(2, "replayLastEcho", $$"""{"session":"{{handle}}"}""");
            var info = await Call(0, "sessionInfo", $$"""{"session":"{{handle}}"}""");

            Assert.Equal(2, second.GetProperty("structuredContent").GetProperty("echoCount").GetInt32());
            Assert.StartsWith($"🔄 Replaying last echo:\nsecond {i}\nOriginal echo count: 2\n", Text(replay));
            Assert.Contains("- Total Requests: 4\n", Text(info));
            Assert.Contains("- State From: handle (the session argument)", Text(info));
            hosts.Add((await Cluster.HostOf(handle)).Address.ToString());
        }
        Assert.True(hosts.Count > 1, "every handle landed on one node; the test did not cross nodes");
    }

    private Task<JsonElement> Echo(int node, string message, string session) =>
        Call(node, "echo", $$"""{"message":"{{message}}","session":"{{session}}"}""", session);

    /// <summary>A 2026-07-28 tools/call through <paramref name="node"/>, with every header the revision asks for.</summary>
    private async Task<JsonElement> Call(int node, string tool, string arguments, string? session = null)
    {
        const string meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":"
            + arguments + "," + meta + "}}";
        var handle = session ?? (JsonElement.Parse(arguments).TryGetProperty("session", out var named) ? named.GetString() : null);
        (string, string)[] headers = [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", tool),
            .. handle is null ? [] : new[] { ("Mcp-Param-Session", handle) }];
        using var response = await Cluster.Nodes[node].Mcp.Post(body, null, headers);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var result = JsonElement.Parse(text).GetProperty("result");
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), text);
        return result;
    }

    private static string Text(JsonElement result) => result.GetProperty("content")[0].GetProperty("text").GetString()!;
}
