using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>/health/ready follows the node's membership (503 until Up, and again while leaving); /health/live answers throughout.</summary>
public sealed class ProbeTests
{
    [Fact]
    public async Task Ready_is_503_until_the_node_is_an_Up_member_and_live_answers_while_it_leaves()
    {
        var seedPort = LoopbackPorts.Free();
        var seed = $"akka.tcp://akka-mcp-echo@127.0.0.1:{seedPort}";
        // The joining node's seed is not running yet: it stays out of any cluster.
        await using var joining = await ClusterNode.Start(null, new Dictionary<string, string?> { ["AKKA_CLUSTER_SEEDS"] = seed });
        var (status, text) = await Get(joining, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("not Up", text);
        Assert.Equal(HttpStatusCode.OK, (await Get(joining, "/health/live")).Status);

        await using var first = await ClusterNode.Start(null, new Dictionary<string, string?>
        {
            ["AKKA_REMOTE_PORT"] = seedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AKKA_CLUSTER_SEEDS"] = seed,
        });
        await Eventually.Until(async () => (await Get(joining, "/health/ready")).Status == HttpStatusCode.OK,
            DateTime.UtcNow + TimeSpan.FromSeconds(30), "the joining node to be ready");
        Assert.Equal(HttpStatusCode.OK, (await Get(first, "/health/ready")).Status);

        Akka.Cluster.Cluster.Get(joining.System).Leave(joining.Address);
        var leaving = await Eventually.Until(() => Get(joining, "/health/ready"), ready => ready.Status == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(30), "the leaving node to be unready");
        Assert.StartsWith("Unhealthy: ", leaving.Text);
        var live = await Get(joining, "/health/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Text));
    }

    private static async Task<(HttpStatusCode Status, string Text)> Get(ClusterNode node, string path)
    {
        using var response = await node.Mcp.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
