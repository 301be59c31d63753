using System.Net;
using System.Text.RegularExpressions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>healthProbe in cluster mode: each member's counters and the cluster totals, on the shared three-node cluster.</summary>
public sealed partial class ThreeNodeClusterTests
{
    [Fact]
    public async Task Health_probe_on_one_node_lists_every_member_and_the_cluster_totals()
    {
        var sessions = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await Node(i).Mcp.Initialize());
        }
        var members = Cluster.Nodes.Select(n => n.Address.ToString()).Order(StringComparer.Ordinal).ToArray();
        var last = "";
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        try
        {
            await Eventually.Until(async () =>
            {
                var probe = await Node(0).Mcp.CallTool(sessions[1], "healthProbe");
                Assert.Equal(HttpStatusCode.OK, probe.Status);
                last = probe.ToolText() ?? "";
                var nodes = NodeCountsLine().Matches(last).Select(Counts).ToArray();
                var totals = TotalsLine().Match(last);
                var active = ActiveLine().Match(last);
                if (nodes.Length != 3 || !totals.Success || !active.Success)
                {
                    return false;
                }
                var hosting = await Task.WhenAll(Cluster.Nodes.Select(n => n.HostedSessions()));
                var (_, totalActive, created, expired, ended) = Counts(totals);
                return last.Contains("🔗 Cluster Nodes (3 members):\n", StringComparison.Ordinal)
                    && nodes.Select(n => n.Node).SequenceEqual(members)
                    && nodes.Sum(n => n.Active) == totalActive
                    && nodes.Sum(n => n.Created) == created
                    && nodes.Sum(n => n.Expired) == expired
                    && nodes.Sum(n => n.Ended) == ended
                    && int.Parse(active.Groups[1].Value) == totalActive
                    && totalActive == hosting.Sum(h => h.Count)
                    && created >= sessions.Count;
            }, deadline, "healthProbe to list the three members and the cluster totals");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; the last report was:\n{last}", timeout);
        }
    }

    private static (string Node, int Active, long Created, long Expired, long Ended) Counts(Match line) =>
        (line.Groups["node"].Value, int.Parse(line.Groups["active"].Value), long.Parse(line.Groups["created"].Value),
            long.Parse(line.Groups["expired"].Value), long.Parse(line.Groups["ended"].Value));

    [GeneratedRegex(@"^- (?<node>akka\.tcp://\S+): (?<active>\d+) active, (?<created>\d+) created, (?<expired>\d+) expired, (?<ended>\d+) ended$", RegexOptions.Multiline)]
    private static partial Regex NodeCountsLine();

    [GeneratedRegex(@"^- Cluster Totals: (?<active>\d+) active, (?<created>\d+) created, (?<expired>\d+) expired, (?<ended>\d+) ended$", RegexOptions.Multiline)]
    private static partial Regex TotalsLine();

    [GeneratedRegex(@"^- Active Sessions: (\d+) / \d+$", RegexOptions.Multiline)]
    private static partial Regex ActiveLine();
}
