using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class RequestTimingToolTests
{
    private static readonly ProcessFacts Process = new(
        CpuTime: TimeSpan.FromSeconds(60),
        StartedUtcTicks: (Fixtures.Now - TimeSpan.FromMinutes(10)).UtcTicks,
        WorkingSetBytes: 256L * 1024 * 1024,
        ManagedHeapBytes: 64L * 1024 * 1024,
        AvailableMemoryBytes: 1024L * 1024 * 1024,
        ProcessorCount: 2);

    [Fact]
    public void Reports_timing_resources_and_session_statistics_from_its_inputs()
    {
        var context = Fixtures.Context() with
        {
            Host = new HostFacts(Process, ConfigurationFacts.Empty),
            Registry = new RegistryStats(5, 127, 122, 0, 0, 0),
            PendingEvents = 12,
            Session = Fixtures.Session(TimeSpan.FromSeconds(330)).Timed(TimeSpan.FromMilliseconds(18.7)) with { RequestCount = 42 },
        };

        var result = Fixtures.Invoke(RequestTimingTool.Definition, context);

        var lines = result.Text.Split('\n');
        Assert.Equal("⏱️ Request Timing Analysis", lines[0]);
        Assert.Contains("📊 Performance Metrics:", lines);
        Assert.Contains("- Request Start: 2026-01-02 03:04:04.976 UTC", lines);
        Assert.Contains("- Processing Time: 23.45ms", lines);
        Assert.Contains("- Performance: 🟡 Good", lines);
        Assert.Contains("🖥️ System Resources:", lines);
        Assert.Contains("- CPU Usage: 5.0% (average since start, 2 cores)", lines);
        Assert.Contains("- Memory Usage: 256MB / 1024MB (25%)", lines);
        Assert.Contains("- Active Sessions: 5", lines);
        Assert.Contains("- Message Queue Size: 12", lines);
        Assert.Contains("📈 Session Statistics:", lines);
        Assert.Contains("- Session Age: 5m 30s", lines);
        Assert.Contains("- Requests in Session: 42", lines);
        Assert.Contains("- Average Response Time: 18.7ms", lines);
    }

    [Theory]
    [InlineData(3, "🟢 Excellent")]
    [InlineData(49.9, "🟡 Good")]
    [InlineData(99, "🟠 Acceptable")]
    [InlineData(250, "🔴 Slow")]
    public void Grades_the_processing_time(double milliseconds, string grade) =>
        Assert.Equal(grade, RequestTimingTool.Grade(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Says_unavailable_rather_than_inventing_numbers()
    {
        var lines = Fixtures.Invoke(RequestTimingTool.Definition, Fixtures.Context()).Text.Split('\n');

        Assert.Contains("- CPU Usage: unavailable", lines);
        Assert.Contains("- Memory Usage: unavailable", lines);
        Assert.Contains("- Active Sessions: unavailable", lines);
        Assert.Contains("- Average Response Time: n/a (no earlier request timed)", lines);
    }
}
