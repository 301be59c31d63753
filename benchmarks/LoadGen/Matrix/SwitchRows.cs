using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// What each feature on by default costs (<see cref="FeatureSwitch"/>): AkkaMcpEcho as shipped against the same build
/// with that feature off, each run twice at 64 sessions (on, offs, …, offs, on) and compared by the means.
/// </summary>
public static class SwitchRows
{
    private const int Sessions = MatrixOptions.SwitchSessions;

    public static void Render(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        var on = results.Runs(ServerLaunch.Ours);
        foreach (var feature in FeatureSwitch.All)
        {
            var off = results.Runs(feature.ServerName);
            if (off.Count == 0 || on.Count == 0)
            {
                md.AppendLine($"| {feature.Feature} on ÷ off: req/s, {Sessions} sessions | not measured in this run | | | | |");
                continue;
            }
            md.AppendLine($"| {feature.Feature} on ÷ off: req/s, {Sessions} sessions, mean of the runs below "
                + $"({Bound(feature)}) | {Ratio(Mean(on), Mean(off))} | | | | |");
            md.AppendLine($"| off (`{feature.Off}`): req/s, {Sessions} sessions, each run | {Each(off, t => t.RequestsPerSecond, "0")} | | | | |");
            md.AppendLine($"| off: latency p50 / p99 ms, each run | {Each(off, t => t.Latency.P50, "0.00")} / {Each(off, t => t.Latency.P99, "0.00")} | | | | |");
            md.AppendLine($"| off: server CPU µs per request, all runs | {Num(Cpu(off), "0")} | | | | |");
            md.AppendLine($"| off: errors (of requests), all runs | {off.Sum(t => t.Errors.Count)} (of {off.Sum(t => t.Requests)}) | | | | |");
        }
        if (on.Count > 0)
        {
            md.AppendLine($"| as shipped (every feature on): req/s, {Sessions} sessions, {options.Duration.TotalSeconds:0} s, each run (the first is above) "
                + $"| {Each(on, t => t.RequestsPerSecond, "0")} | | | | |");
            md.AppendLine($"| as shipped: latency p50 / p99 ms, each run | {Each(on, t => t.Latency.P50, "0.00")} / {Each(on, t => t.Latency.P99, "0.00")} | | | | |");
            md.AppendLine($"| as shipped: server CPU µs per request, all runs | {Num(Cpu(on), "0")} | | | | |");
            md.AppendLine($"| as shipped: errors (of requests), all runs | {on.Skip(1).Sum(t => t.Errors.Count)} (of {on.Skip(1).Sum(t => t.Requests)}, the first run's are above) | | | | |");
        }
    }

    /// <summary>Whether the feature on keeps at least its allowed share of req/s; null when either side is missing or there is no bound.</summary>
    public static bool? Met(MatrixResults results, FeatureSwitch feature) =>
        Share(results, feature) is { } share && feature.Floor is { } floor ? share >= floor : null;

    /// <summary>The bound in words: "on ÷ off ≥ 0.85×", or that the row is there to show the cost.</summary>
    public static string Bound(FeatureSwitch feature) =>
        feature.Floor is { } floor ? $"bound: on ÷ off ≥ {floor:0.00}×" : "no bound: the cost is shown";

    /// <summary>The figure for the targets table: the means on / off, the cost, and the CPU per request.</summary>
    public static string Figure(MatrixResults results, FeatureSwitch feature)
    {
        var (on, off) = (results.Runs(ServerLaunch.Ours), results.Runs(feature.ServerName));
        return Share(results, feature) is { } share
            ? $"{Num(Mean(on), "0")} / {Num(Mean(off), "0")} = {Ratio(Mean(on), Mean(off))}: it costs {Percent(1 - share)} of req/s; "
                + $"server CPU {Num(Cpu(on), "0")} vs {Num(Cpu(off), "0")} µs per request"
            : "not measured";
    }

    /// <summary>One line per feature for the console: the figures and whether the bound holds.</summary>
    public static IEnumerable<string> Verdicts(MatrixResults results) => FeatureSwitch.All.Select(feature =>
        $"{feature.Feature} at {Sessions} sessions: {Figure(results, feature)}" + Met(results, feature) switch
        {
            true => $"; within the {Percent(1 - feature.Floor!.Value)} bound",
            false => $"; MORE than the {Percent(1 - feature.Floor!.Value)} bound",
            null => "",
        });

    private static double? Share(MatrixResults results, FeatureSwitch feature) =>
        Mean(results.Runs(ServerLaunch.Ours)) is { } on && Mean(results.Runs(feature.ServerName)) is { } off && off > 0 ? on / off : null;

    private static double? Mean(List<ThroughputResult> runs) => runs.Count == 0 ? null : runs.Average(t => t.RequestsPerSecond);

    private static double? Cpu(List<ThroughputResult> runs) =>
        runs.Sum(t => t.Requests) is var requests and > 0 ? runs.Sum(t => t.Cpu.Server.TotalMicroseconds) / requests : null;

    private static string Each(List<ThroughputResult> runs, Func<ThroughputResult, double> pick, string format) =>
        string.Join(", ", runs.Select(t => Num(pick(t), format)));

    private static string Percent(double share) => share.ToString("0.0 %", CultureInfo.InvariantCulture);
}
