using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class HealthProbeToolTests
{
    private static readonly ProcessFacts Process = new(TimeSpan.FromSeconds(3), 1, 256L * 1024 * 1024, 40L * 1024 * 1024, 4096L * 1024 * 1024, 2);

    private static ToolContext With(RegistryStats? stats) =>
        Fixtures.Context() with { Registry = stats, PendingEvents = 3, Host = new HostFacts(Process, ConfigurationFacts.Empty) };

    private static readonly RegistryStats SeedLikeStats = new(
        Active: 5, TotalCreated: 127, Expired: 100, Ended: 22, Rejected: 0,
        StartedUtcTicks: (Fixtures.Now - TimeSpan.FromMinutes(254)).UtcTicks,
        LastExpiredUtcTicks: (Fixtures.Now - TimeSpan.FromSeconds(45)).UtcTicks,
        FinishedLifetimeTicks: TimeSpan.FromMinutes(12.5).Ticks * 122);

    /// <summary>The whole single-node report for <see cref="SeedLikeStats"/>.</summary>
    private const string SeedLikeReport = """
        🏥 System Health Report

        ✅ Overall Status: HEALTHY

        📊 Session Statistics:
        - Active Sessions: 5 / 1000
        - Total Sessions Created: 127
        - Sessions Expired: 100
        - Sessions Ended by Client: 22
        - Cleanup Run Count: 100
        - Last Cleanup: 45s ago

        💾 Memory Status:
        - Process Memory: 256MB
        - Managed Heap: 40MB
        - Available Memory: 4096MB

        ⚡ Performance:
        - Average Session Lifetime: 12m 30s
        - Session Creation Rate: 0.5/min
        - Message Queue Depth: 3 (this session)
        """;

    [Fact]
    public void Reports_the_registrys_counters()
    {
        var lines = Fixtures.Invoke(HealthProbeTool.Definition, With(SeedLikeStats)).Text.Split('\n');

        Assert.Equal("🏥 System Health Report", lines[0]);
        Assert.Contains("✅ Overall Status: HEALTHY", lines);
        Assert.Contains("📊 Session Statistics:", lines);
        Assert.Contains("- Active Sessions: 5 / 1000", lines);
        Assert.Contains("- Total Sessions Created: 127", lines);
        Assert.Contains("- Sessions Expired: 100", lines);
        Assert.Contains("- Sessions Ended by Client: 22", lines);
        Assert.Contains("- Cleanup Run Count: 100", lines);
        Assert.Contains("- Last Cleanup: 45s ago", lines);
        Assert.Contains("💾 Memory Status:", lines);
        Assert.Contains("- Process Memory: 256MB", lines);
        Assert.Contains("- Managed Heap: 40MB", lines);
        Assert.Contains("⚡ Performance:", lines);
        Assert.Contains("- Average Session Lifetime: 12m 30s", lines);
        Assert.Contains("- Session Creation Rate: 0.5/min", lines);
        Assert.Contains("- Message Queue Depth: 3 (this session)", lines);
    }

    [Fact]
    public void Without_cluster_nodes_the_report_has_no_cluster_section_and_keeps_its_layout()
    {
        var text = Fixtures.Invoke(HealthProbeTool.Definition, With(SeedLikeStats)).Text;

        Assert.Equal(SeedLikeReport, text);
    }

    [Fact]
    public void In_cluster_mode_each_member_and_the_totals_follow_the_session_statistics()
    {
        var stats = SeedLikeStats with
        {
            Nodes =
            [
                new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4051", 2, 60, 50, 10),
                new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4052", 3, 67, 50, 12),
                new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4053", 0, 0, 0, 0),
            ],
        };
        const string section = """
            🔗 Cluster Nodes (3 members):
            - akka.tcp://akka-mcp-echo@127.0.0.1:4051: 2 active, 60 created, 50 expired, 10 ended
            - akka.tcp://akka-mcp-echo@127.0.0.1:4052: 3 active, 67 created, 50 expired, 12 ended
            - akka.tcp://akka-mcp-echo@127.0.0.1:4053: 0 active, 0 created, 0 expired, 0 ended
            - Cluster Totals: 5 active, 127 created, 100 expired, 22 ended


            """;

        var text = Fixtures.Invoke(HealthProbeTool.Definition, With(stats)).Text;

        Assert.Equal(SeedLikeReport.Replace("💾 Memory Status:", section + "💾 Memory Status:", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_single_member_cluster_is_one_member()
    {
        var stats = SeedLikeStats with { Nodes = [new NodeCounts("akka.tcp://akka-mcp-echo@127.0.0.1:4051", 5, 127, 100, 22)] };

        var lines = Fixtures.Invoke(HealthProbeTool.Definition, With(stats)).Text.Split('\n');

        Assert.Contains("🔗 Cluster Nodes (1 member):", lines);
        Assert.Contains("- akka.tcp://akka-mcp-echo@127.0.0.1:4051: 5 active, 127 created, 100 expired, 22 ended", lines);
    }

    [Fact]
    public void Near_the_session_limit_it_is_degraded()
    {
        var stats = new RegistryStats(950, 950, 0, 0, 0, Fixtures.Now.UtcTicks);

        var lines = Fixtures.Invoke(HealthProbeTool.Definition, With(stats)).Text.Split('\n');

        Assert.Contains("⚠️ Overall Status: DEGRADED (950 of 1000 sessions in use)", lines);
        Assert.Contains("- Last Cleanup: never", lines);
        Assert.Contains("- Average Session Lifetime: n/a (no session has finished)", lines);
    }

    [Fact]
    public void Without_counters_it_is_degraded_and_says_why()
    {
        var text = Fixtures.Invoke(HealthProbeTool.Definition, With(null)).Text;

        Assert.Contains("⚠️ Overall Status: DEGRADED (registry counters unavailable)", text);
        Assert.Contains("- Process Memory: 256MB", text);
    }
}
