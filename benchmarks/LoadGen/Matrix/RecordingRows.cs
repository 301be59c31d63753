using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// What the traffic recording costs: AkkaMcpEcho with it on (the default) against the same build with it off, each run
/// twice at 64 sessions (on, off, …, off, on) and compared by the means.
/// </summary>
public static class RecordingRows
{
    private const int Sessions = MatrixOptions.RecordingSessions;

    public static void Render(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        var (on, off) = (results.RecordingOn, results.RecordingOff);
        if (off.Count == 0 || on.Count == 0)
        {
            md.AppendLine($"| traffic recording on ÷ off: req/s, {Sessions} sessions | not measured in this run | | | | |");
            return;
        }
        md.AppendLine($"| traffic recording on ÷ off: req/s, {Sessions} sessions, mean of the runs below (the bound: at least "
            + $"{MatrixOptions.RecordingFloor:0.00}×) | {Ratio(Mean(on), Mean(off))} | | | | |");
        md.AppendLine($"| recording on (the default): req/s, {Sessions} sessions, {options.Duration.TotalSeconds:0} s, each run (the first is above) "
            + $"| {Each(on, t => t.RequestsPerSecond, "0")} | | | | |");
        md.AppendLine($"| recording off (`MCP_TRAFFIC_ENABLED=false`): req/s, {Sessions} sessions, each run | {Each(off, t => t.RequestsPerSecond, "0")} | | | | |");
        md.AppendLine($"| recording on / off: latency p50 ms, {Sessions} sessions, each run | {Each(on, t => t.Latency.P50, "0.00")} / "
            + $"{Each(off, t => t.Latency.P50, "0.00")} | | | | |");
        md.AppendLine($"| recording on / off: latency p99 ms, {Sessions} sessions, each run | {Each(on, t => t.Latency.P99, "0.00")} / "
            + $"{Each(off, t => t.Latency.P99, "0.00")} | | | | |");
        md.AppendLine($"| recording on / off: server CPU µs per request, {Sessions} sessions, all runs | {Num(Cpu(on), "0")} / {Num(Cpu(off), "0")} | | | | |");
        md.AppendLine($"| recording on / off: errors (of requests), all runs | {on.Sum(t => t.Errors.Count)} (of {on.Sum(t => t.Requests)}) / "
            + $"{off.Sum(t => t.Errors.Count)} (of {off.Sum(t => t.Requests)}) | | | | |");
    }

    /// <summary>Whether recording on keeps at least the allowed share of req/s; null when either side is missing.</summary>
    public static bool? Met(MatrixResults results) =>
        Share(results) is { } share ? share >= MatrixOptions.RecordingFloor : null;

    /// <summary>The figure for the targets table: the means on / off, the cost, and the CPU per request.</summary>
    public static string Figure(MatrixResults results) => Share(results) is { } share
        ? $"{Num(Mean(results.RecordingOn), "0")} / {Num(Mean(results.RecordingOff), "0")} = {Ratio(Mean(results.RecordingOn), Mean(results.RecordingOff))}: "
            + $"recording costs {Percent(1 - share)} of req/s; server CPU {Num(Cpu(results.RecordingOn), "0")} vs "
            + $"{Num(Cpu(results.RecordingOff), "0")} µs per request"
        : "not measured";

    /// <summary>One line for the console: the figures and whether the bound holds.</summary>
    public static string Verdict(MatrixResults results) => $"traffic recording at {Sessions} sessions: {Figure(results)}" + Met(results) switch
    {
        true => $"; within the {Percent(1 - MatrixOptions.RecordingFloor)} bound",
        false => $"; MORE than the {Percent(1 - MatrixOptions.RecordingFloor)} bound",
        null => "",
    };

    private static double? Share(MatrixResults results) =>
        Mean(results.RecordingOn) is { } on && Mean(results.RecordingOff) is { } off && off > 0 ? on / off : null;

    private static double? Mean(List<ThroughputResult> runs) => runs.Count == 0 ? null : runs.Average(t => t.RequestsPerSecond);

    private static double? Cpu(List<ThroughputResult> runs) =>
        runs.Sum(t => t.Requests) is var requests and > 0 ? runs.Sum(t => t.Cpu.Server.TotalMicroseconds) / requests : null;

    private static string Each(List<ThroughputResult> runs, Func<ThroughputResult, double> pick, string format) =>
        string.Join(", ", runs.Select(t => Num(pick(t), format)));

    private static string Percent(double share) => share.ToString("0.0 %", CultureInfo.InvariantCulture);
}
