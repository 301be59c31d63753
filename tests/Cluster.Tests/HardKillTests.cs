using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A node process killed hard (SIGKILL): no leave, no hand-off. <see cref="OldestNodeKillTests"/> kills the oldest.</summary>
public sealed class HardKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sessions_elsewhere_are_untouched_and_sessions_of_the_dead_node_get_404_in_time()
    {
        await using var cluster = await TestCluster.Start(2);
        await using var victim = await ProcessNode.Start(cluster.Nodes[0].Address.ToString());
        var all = new List<ClusterNode>(cluster.Nodes);
        await cluster.WaitUntilReady(3);
        var (kept, lost) = await SplitSessions(cluster, victim);

        victim.Kill();
        var sinceKill = Stopwatch.StartNew();

        // Right after the kill, before the failure detector or the split-brain resolver has acted.
        var first = await all[0].Mcp.Echo(lost.First(), "gone?");
        Assert.Equal(HttpStatusCode.NotFound, first.Status);
        Assert.True(sinceKill.Elapsed < AskTimeout * 0.6 + TimeSpan.FromSeconds(1.25), $"the first 404 took {sinceKill.Elapsed}");
        await EveryCallAnswersInTime(all, kept, lost);
        // Once the resolver has downed the dead node and its shards restarted blank elsewhere.
        await WaitForMembers(cluster, 2);
        var removed = sinceKill.Elapsed;
        await Eventually.Until(async () =>
        {
            var watch = Stopwatch.StartNew();
            return (await all[1].Mcp.Echo(lost.First(), "gone?")).Status == HttpStatusCode.NotFound
                && watch.Elapsed < TimeSpan.FromMilliseconds(500);
        }, DateTime.UtcNow + TimeSpan.FromSeconds(20), "a 404 at once");
        output.WriteLine($"kill -> removed {removed.TotalSeconds:0.0}s, -> the dead node's sessions answer 404 at once {sinceKill.Elapsed.TotalSeconds:0.0}s");
        await EveryCallAnswersInTime(all, kept, lost);
        var fresh = await all[1].Mcp.Initialize();
        Assert.Equal(HttpStatusCode.OK, (await all[0].Mcp.Echo(fresh, "after the kill")).Status);
    }

    private static async Task EveryCallAnswersInTime(List<ClusterNode> nodes, HashSet<string> kept, HashSet<string> lost)
    {
        var calls = nodes.SelectMany(node => kept.Concat(lost).Select(async session =>
        {
            var watch = Stopwatch.StartNew();
            var answer = await node.Mcp.Echo(session, "still there?");
            return (Session: session, answer.Status, Text: answer.ToolText(), Took: watch.Elapsed);
        }));
        foreach (var call in await Task.WhenAll(calls))
        {
            Assert.True(call.Took < AskTimeout, $"{call.Session} took {call.Took}");
            if (kept.Contains(call.Session))
            {
                Assert.Equal(HttpStatusCode.OK, call.Status);
                Assert.StartsWith("still there?\n", call.Text);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, call.Status);
            }
        }
    }

    private static async Task<(HashSet<string> Kept, HashSet<string> Lost)> SplitSessions(TestCluster cluster, ProcessNode victim)
    {
        var kept = new HashSet<string>();
        var lost = new HashSet<string>();
        for (var i = 0; i < 60 && (kept.Count < 3 || lost.Count < 2); i++)
        {
            var session = await (i % 3 == 2 ? victim.Mcp : cluster.Nodes[i % 3].Mcp).Initialize();
            var hosted = await Task.WhenAll(cluster.Nodes.Select(n => n.HostedSessions()));
            (hosted.Any(h => h.Contains(session)) ? kept : lost).Add(session);
        }
        Assert.True(kept.Count >= 3 && lost.Count >= 2, $"{kept.Count} sessions on the in-process nodes, {lost.Count} on the process");
        return (kept, lost);
    }

    private static async Task WaitForMembers(TestCluster cluster, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        foreach (var node in cluster.Nodes)
        {
            var state = Akka.Cluster.Cluster.Get(node.System);
            await Eventually.Until(() => Task.FromResult(
                state.State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up) == count && state.State.Unreachable.Count == 0),
                deadline, $"{count} members Up and reachable");
        }
    }
}
