using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A node leaves gracefully (as on SIGTERM) while load runs on the others.</summary>
public sealed class GracefulLeaveTests
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Surviving_nodes_answer_their_sessions_and_only_sessions_of_the_leaving_node_get_404()
    {
        await using var cluster = await TestCluster.Start(3);
        var leaving = cluster.Nodes[2];
        var survivors = cluster.Nodes.Take(2).ToArray();
        var (kept, lost) = await SplitSessions(cluster, leaving);

        var results = new ConcurrentQueue<Call>();
        using var stopLoad = new CancellationTokenSource();
        var sessions = kept.Concat(lost).ToArray();
        var load = survivors.Select(node => Task.Run(() => Load(node, sessions, results, stopLoad.Token))).ToArray();
        await WaitForCalls(results, 2 * sessions.Length);

        await leaving.Stop();
        await cluster.WaitUntilReady(2);
        var afterLeave = results.Count;
        await WaitForCalls(results, afterLeave + 4 * sessions.Length);
        await stopLoad.CancelAsync();
        await Task.WhenAll(load);

        var calls = results.ToArray();
        Assert.All(calls.Where(c => kept.Contains(c.Session)), call =>
        {
            Assert.Equal(HttpStatusCode.OK, call.Status);
            Assert.StartsWith("load ", call.Text);
        });
        Assert.All(calls.Where(c => lost.Contains(c.Session)),
            call => Assert.True(call.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{call.Status} for {call.Session}"));
        Assert.All(calls, call => Assert.True(call.Took < AskTimeout, $"a call took {call.Took}"));
        // Once the node has gone, its sessions are gone too: the client re-initializes.
        foreach (var session in lost)
        {
            var last = calls.Last(c => c.Session == session);
            Assert.Equal(HttpStatusCode.NotFound, last.Status);
        }
        var fresh = await survivors[0].Mcp.Initialize();
        Assert.Equal(HttpStatusCode.OK, (await survivors[1].Mcp.Echo(fresh, "after the leave")).Status);
    }

    /// <summary>Sessions hosted on the survivors and sessions hosted on <paramref name="leaving"/>, at least three of each.</summary>
    internal static async Task<(HashSet<string> Kept, HashSet<string> Lost)> SplitSessions(TestCluster cluster, ClusterNode leaving)
    {
        var kept = new HashSet<string>();
        var lost = new HashSet<string>();
        for (var i = 0; i < 60 && (kept.Count < 3 || lost.Count < 3); i++)
        {
            var session = await cluster.Nodes[i % 2].Mcp.Initialize();
            var onLeaving = (await leaving.HostedSessions()).Contains(session);
            (onLeaving ? lost : kept).Add(session);
        }
        Assert.True(kept.Count >= 3 && lost.Count >= 3, $"{kept.Count} sessions on the survivors, {lost.Count} on the leaving node");
        return (kept, lost);
    }

    private static async Task Load(ClusterNode node, string[] sessions, ConcurrentQueue<Call> results, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            foreach (var session in sessions)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var answer = await node.Mcp.Echo(session, $"load {round}");
                    results.Enqueue(new Call(session, answer.Status, answer.ToolText(), watch.Elapsed));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    results.Enqueue(new Call(session, 0, e.Message, watch.Elapsed));
                }
            }
        }
    }

    private static Task WaitForCalls(ConcurrentQueue<Call> results, int count) =>
        Eventually.Until(() => Task.FromResult(results.Count >= count), DateTime.UtcNow + TimeSpan.FromSeconds(30), $"{count} calls");

    private sealed record Call(string Session, HttpStatusCode Status, string? Text, TimeSpan Took);
}
