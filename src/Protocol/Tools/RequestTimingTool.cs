using System.Text;

namespace AkkaMcpEcho.Protocol.Tools;

public static class RequestTimingTool
{
    public static readonly ToolDefinition Definition = new(
        "requestTiming",
        "Show request timing and performance metrics",
        [],
        Run,
        needsRegistryStats: true);

    public static ToolResult Run(ToolContext context)
    {
        var session = context.Session;
        var now = context.Now.UtcTicks;
        var processing = TimeSpan.FromTicks(Math.Max(0, now - context.Request.StartedUtcTicks));
        var process = context.Host.Process;
        var text = new StringBuilder("⏱️ Request Timing Analysis\n\n")
            .Append("📊 Performance Metrics:\n")
            .Append($"- Request Start: {TextFormat.UtcMillis(context.Request.StartedUtcTicks)}\n")
            .Append($"- Processing Time: {TextFormat.Milliseconds(processing)}\n")
            .Append($"- Performance: {Grade(processing)}\n\n")
            .Append("🖥️ System Resources:\n")
            .Append($"- CPU Usage: {CpuUsage(process, now)}\n")
            .Append($"- Memory Usage: {MemoryUsage(process)}\n")
            .Append($"- Active Sessions: {context.Registry?.Active.ToString() ?? "unavailable"}\n")
            .Append($"- Message Queue Size: {context.PendingEvents}\n\n")
            .Append("📈 Session Statistics:\n")
            .Append($"- Session Age: {TextFormat.Duration(TimeSpan.FromTicks(now - session.CreatedUtcTicks))}\n")
            .Append($"- Requests in Session: {session.RequestCount}\n")
            .Append($"- Average Response Time: {AverageResponse(session.TimedRequests, session.AverageResponseTime)}")
            .Append(TraceReport.Section(context.Request));
        return ToolResult.Ok(text.ToString(), session);
    }

    public static string Grade(TimeSpan processing) => processing.TotalMilliseconds switch
    {
        < 10 => "🟢 Excellent",
        < 50 => "🟡 Good",
        < 100 => "🟠 Acceptable",
        _ => "🔴 Slow",
    };

    /// <summary>The process's CPU time over its wall time and cores, averaged since it started.</summary>
    public static string CpuUsage(ProcessFacts process, long nowUtcTicks)
    {
        var wall = TimeSpan.FromTicks(nowUtcTicks - process.StartedUtcTicks);
        if (process.StartedUtcTicks == 0 || process.ProcessorCount == 0 || wall <= TimeSpan.Zero)
        {
            return "unavailable";
        }
        var percent = process.CpuTime.TotalSeconds / (wall.TotalSeconds * process.ProcessorCount) * 100;
        return $"{ReportText.Number(percent, "0.0")}% (average since start, {process.ProcessorCount} cores)";
    }

    public static string MemoryUsage(ProcessFacts process)
    {
        if (process.WorkingSetBytes == 0)
        {
            return "unavailable";
        }
        if (process.AvailableMemoryBytes <= 0)
        {
            return ReportText.Megabytes(process.WorkingSetBytes);
        }
        var percent = (double)process.WorkingSetBytes / process.AvailableMemoryBytes * 100;
        return $"{ReportText.Megabytes(process.WorkingSetBytes)} / {ReportText.Megabytes(process.AvailableMemoryBytes)} ({ReportText.Number(percent, "0")}%)";
    }

    private static string AverageResponse(long timed, TimeSpan average) =>
        timed == 0 ? "n/a (no earlier request timed)" : ReportText.Number(average.TotalMilliseconds, "0.0") + "ms";
}
