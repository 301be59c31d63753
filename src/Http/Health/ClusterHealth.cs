using System.Text.Json.Serialization;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Http.Health;

/// <summary>One node's counters in /health (cluster mode): active, expired, ended count the sessions it hosts.</summary>
internal sealed record NodeHealth(
    [property: JsonPropertyName("node")] string Node,
    [property: JsonPropertyName("self")] bool Self,
    [property: JsonPropertyName("active")] int Active,
    [property: JsonPropertyName("total_created")] long TotalCreated,
    [property: JsonPropertyName("expired")] long Expired,
    [property: JsonPropertyName("ended")] long Ended,
    [property: JsonPropertyName("rejected")] long Rejected,
    [property: JsonPropertyName("uptime_seconds")] long UptimeSeconds);

/// <summary>The <c>cluster</c> object of /health: every member's counters and their totals.</summary>
internal sealed record ClusterHealth(
    [property: JsonPropertyName("self")] string Self,
    [property: JsonPropertyName("members")] int Members,
    [property: JsonPropertyName("nodes")] IReadOnlyList<NodeHealth> Nodes,
    [property: JsonPropertyName("totals")] NodeTotals Totals)
{
    public static ClusterHealth From(ClusterSessionStats stats, long nowTicks) => new(
        stats.Self,
        stats.Nodes.Length,
        [.. stats.Nodes.Select(n => Node(n.Node, n.Node == stats.Self, n.Stats, nowTicks))],
        new NodeTotals(stats.Totals.Active, stats.Totals.TotalCreated, stats.Totals.Expired, stats.Totals.Ended, stats.Totals.Rejected));

    private static NodeHealth Node(string node, bool self, RegistryStats s, long nowTicks) =>
        new(node, self, s.Active, s.TotalCreated, s.Expired, s.Ended, s.Rejected,
            (long)TimeSpan.FromTicks(nowTicks - s.StartedUtcTicks).TotalSeconds);
}

internal sealed record NodeTotals(
    [property: JsonPropertyName("active")] int Active,
    [property: JsonPropertyName("total_created")] long TotalCreated,
    [property: JsonPropertyName("expired")] long Expired,
    [property: JsonPropertyName("ended")] long Ended,
    [property: JsonPropertyName("rejected")] long Rejected);
