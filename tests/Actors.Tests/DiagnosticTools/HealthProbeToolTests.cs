using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class HealthProbeToolTests
{
    private static readonly ProcessFacts Process = new(TimeSpan.FromSeconds(3), 1, 256L * 1024 * 1024, 40L * 1024 * 1024, 4096L * 1024 * 1024, 2);

    private static ToolContext With(RegistryStats? stats) =>
        Fixtures.Context() with { Registry = stats, PendingEvents = 3, Host = new HostFacts(Process, ConfigurationFacts.Empty) };

    [Fact]
    public void Reports_the_registrys_counters()
    {
        var stats = new RegistryStats(
            Active: 5, TotalCreated: 127, Expired: 100, Ended: 22, Rejected: 0,
            StartedUtcTicks: (Fixtures.Now - TimeSpan.FromMinutes(254)).UtcTicks,
            LastExpiredUtcTicks: (Fixtures.Now - TimeSpan.FromSeconds(45)).UtcTicks,
            FinishedLifetimeTicks: TimeSpan.FromMinutes(12.5).Ticks * 122);

        var lines = Fixtures.Invoke(HealthProbeTool.Definition, With(stats)).Text.Split('\n');

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
