using System.Text;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Protocol.Tools;

public static class HealthProbeTool
{
    public static readonly ToolDefinition Definition = new(
        "healthProbe",
        "Perform deep health check of service and dependencies",
        [],
        Run,
        needsRegistryStats: true);

    public static ToolResult Run(ToolContext context)
    {
        var stats = context.Registry;
        var process = context.Host.Process;
        var now = context.Now.UtcTicks;
        var text = new StringBuilder("🏥 System Health Report\n\n")
            .Append(Overall(stats, context.Server, process)).Append("\n\n");
        if (stats is null)
        {
            text.Append("📊 Session Statistics:\n- unavailable: the session registry did not answer in time\n\n");
        }
        else
        {
            text.Append("📊 Session Statistics:\n")
                .Append($"- Active Sessions: {stats.Active} / {context.Server.MaxSessions}\n")
                .Append($"- Total Sessions Created: {stats.TotalCreated}\n")
                .Append($"- Sessions Expired: {stats.Expired}\n")
                .Append($"- Sessions Ended by Client: {stats.Ended}\n")
                .Append($"- Cleanup Run Count: {stats.Expired}\n")
                .Append($"- Last Cleanup: {(stats.LastExpiredUtcTicks == 0 ? "never" : TextFormat.Duration(TimeSpan.FromTicks(now - stats.LastExpiredUtcTicks)) + " ago")}\n\n")
                .Append(ClusterNodes(stats));
        }
        text.Append("💾 Memory Status:\n")
            .Append($"- Process Memory: {Megabytes(process.WorkingSetBytes)}\n")
            .Append($"- Managed Heap: {Megabytes(process.ManagedHeapBytes)}\n")
            .Append($"- Available Memory: {Megabytes(process.AvailableMemoryBytes)}\n\n")
            .Append("⚡ Performance:\n");
        if (stats is not null)
        {
            var finished = stats.Expired + stats.Ended;
            var uptime = TimeSpan.FromTicks(Math.Max(0, now - stats.StartedUtcTicks));
            text.Append($"- Average Session Lifetime: {(finished == 0 ? "n/a (no session has finished)" : TextFormat.Duration(TimeSpan.FromTicks(stats.FinishedLifetimeTicks / finished)))}\n")
                .Append($"- Session Creation Rate: {CreationRate(stats.TotalCreated, uptime)}\n");
        }
        text.Append($"- Message Queue Depth: {context.PendingEvents} (this session)");
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    /// <summary>DEGRADED when the counters are missing, sessions are at 90% of the limit, or memory at 90% of what is available.</summary>
    public static string Overall(RegistryStats? stats, ServerProfile server, ProcessFacts process)
    {
        var problems = new List<string>();
        if (stats is null)
        {
            problems.Add("registry counters unavailable");
        }
        else if (stats.Active * 10L >= server.MaxSessions * 9L)
        {
            problems.Add($"{stats.Active} of {server.MaxSessions} sessions in use");
        }
        if (process.AvailableMemoryBytes > 0 && process.WorkingSetBytes * 10 >= process.AvailableMemoryBytes * 9)
        {
            problems.Add("memory above 90% of the available memory");
        }
        return problems.Count == 0 ? "✅ Overall Status: HEALTHY" : $"⚠️ Overall Status: DEGRADED ({string.Join("; ", problems)})";
    }

    /// <summary>Cluster mode only: each member's counters and their sums (the statistics above are these sums).</summary>
    public static string ClusterNodes(RegistryStats stats)
    {
        if (stats.Nodes.IsDefaultOrEmpty)
        {
            return "";
        }
        var text = new StringBuilder($"🔗 Cluster Nodes ({stats.Nodes.Length} {(stats.Nodes.Length == 1 ? "member" : "members")}):\n");
        foreach (var node in stats.Nodes)
        {
            text.Append($"- {node.Node}: {Counts(node.Active, node.TotalCreated, node.Expired, node.Ended)}\n");
        }
        return text.Append($"- Cluster Totals: {Counts(stats.Active, stats.TotalCreated, stats.Expired, stats.Ended)}\n\n").ToString();
    }

    private static string Counts(int active, long created, long expired, long ended) =>
        $"{active} active, {created} created, {expired} expired, {ended} ended";

    private static string Megabytes(long bytes) => bytes <= 0 ? "unavailable" : ReportText.Megabytes(bytes);

    public static string CreationRate(long created, TimeSpan uptime) =>
        uptime.TotalMinutes <= 0 ? "n/a" : ReportText.Number(created / Math.Max(uptime.TotalMinutes, 1d / 60), "0.##") + "/min";
}
