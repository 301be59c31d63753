using System.Text;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;
using static AkkaMcpEcho.Benchmarks.LoadGen.Servers.ServerLaunch;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>The issue's targets, each marked met or not with its figure.</summary>
public static class Targets
{
    public static void Render(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | figure | met |");
        md.AppendLine("|---|---|---|");
        foreach (var sessions in MatrixOptions.ThroughputSessions)
        {
            var o = Rps(results, Ours, sessions);
            var p = Rps(results, Peer, sessions);
            Line(md, $"req/s at {sessions} sessions ≥ 1.5 × the SDK peer", $"{Num(o, "0")} / {Num(p, "0")} = {Ratio(o, p)}", Known(o, p) ? o / p >= 1.5 : null);
        }
        var p99Ours = results.Throughput.GetValueOrDefault((Ours, 64))?.Latency.P99;
        var p99Peer = results.Throughput.GetValueOrDefault((Peer, 64))?.Latency.P99;
        Line(md, "p99 at 64 sessions ≤ the SDK peer's", $"{Num(p99Ours, "0.00")} ms vs {Num(p99Peer, "0.00")} ms",
            Known(p99Ours, p99Peer) ? p99Ours <= p99Peer : null);
        var o64 = Rps(results, Ours, 64);
        var b64 = Rps(results, Bare, 64);
        Line(md, "req/s at 64 sessions ≥ 70 % of the bare-Kestrel ceiling", $"{Num(o64, "0")} / {Num(b64, "0")} = {Percent(o64, b64)}",
            Known(o64, b64) ? o64 / b64 >= 0.7 : null);
        foreach (var feature in FeatureSwitch.All)
        {
            Line(md, $"{feature.Feature} costs at most {1 - feature.Floor:0 %} of req/s at {MatrixOptions.SwitchSessions} sessions (on ÷ off ≥ {feature.Floor:0.00}×)",
                SwitchRows.Figure(results, feature), SwitchRows.Met(results, feature));
        }
        var co = results.Churn.GetValueOrDefault(Ours)?.CreatedPerSecond;
        var cp = results.Churn.GetValueOrDefault(Peer)?.CreatedPerSecond;
        Line(md, "session creation ≥ 3 × the SDK peer's rate", $"{Num(co, "0")} / {Num(cp, "0")} per s = {Ratio(co, cp)}",
            Known(co, cp) ? co / cp >= 3 : null);
        var idle = results.Idle.GetValueOrDefault(Ours);
        var largest = idle?.Steps.LastOrDefault();
        Line(md, "≤ 3 KB per idle session", largest is null ? "not measured"
            : $"{Kb(largest.BytesPerSession)} KB at {largest.Held:N0} sessions", largest?.BytesPerSession <= 3 * 1024);
        var hundredK = idle?.Steps.FirstOrDefault(s => s.Requested >= 100_000);
        Line(md, "100,000 idle sessions in < 500 MB RSS, still answering", hundredK is null ? "not measured"
            : $"{hundredK.Held:N0} held in {Mb(hundredK.ResidentBytes)} MB; probes {idle!.Probed - idle.ProbeFailures}/{idle.Probed} answered",
            hundredK is null ? null
                : hundredK.Held >= 100_000 && hundredK.ResidentBytes < 500L * 1024 * 1024 && idle!.ProbeFailures == 0 && idle.Probed > 0);
        Line(md, "no validation errors in any run", $"{results.TotalErrors} errors", results.TotalErrors == 0);
        md.AppendLine();
    }

    private static bool Known(double? a, double? b) => a is not null && b is not null;

    private static double? Rps(MatrixResults results, string server, int sessions) =>
        results.Throughput.GetValueOrDefault((server, sessions))?.RequestsPerSecond;

    private static string Percent(double? a, double? b) =>
        a is { } x && b is { } y && y > 0 ? (x / y).ToString("0 %", System.Globalization.CultureInfo.InvariantCulture) : "—";

    private static void Line(StringBuilder md, string target, string figure, bool? met) =>
        md.AppendLine($"| {target} | {figure} | {(met switch { true => "met", false => "not met", null => "not measured" })} |");
}
