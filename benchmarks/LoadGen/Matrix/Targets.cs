using System.Text;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;
using static AkkaMcpEcho.Benchmarks.LoadGen.Servers.ServerLaunch;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>The targets (issue 18's acceptance, and the feature costs' bounds), each marked met or not with its figure.</summary>
public static class Targets
{
    public const int MillionSessions = 1_000_000;
    private const long MillionBudgetBytes = 1200L * 1024 * 1024;

    public static void Render(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        md.AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | figure | met |");
        md.AppendLine("|---|---|---|");
        var co = results.Churn.GetValueOrDefault(Ours)?.CreatedPerSecond;
        var cp = results.Churn.GetValueOrDefault(Peer)?.CreatedPerSecond;
        Line(md, "sessions created per second ≥ 1.5 × the SDK peer's (stateful)", $"{Num(co, "0")} / {Num(cp, "0")} per s = {Ratio(co, cp)}",
            co is not null && cp is not null ? co >= 1.5 * cp : null);
        Cluster(md, results);
        foreach (var (ours, peer, generation, load, mode) in new[]
        {
            (ModernRows.OursPlain, StatelessPeer, "2026-07-28", "clients", "stateless"), (Ours, Peer, "2025", "sessions", "stateful"),
        })
        {
            foreach (var count in MatrixOptions.ThroughputSessions)
            {
                var (figure, met) = Versus(results, ours, peer, count);
                Line(md, $"{generation} echo at {count} {load}: req/s ≥ 1.5 × the SDK peer's ({mode}), p99 ≤ the peer's", figure, met);
            }
        }
        IdleMillion(md, results);
        foreach (var feature in FeatureSwitch.All)
        {
            var bound = feature.Floor is { } floor
                ? $"costs at most {1 - floor:0 %} of req/s at {MatrixOptions.SwitchSessions} sessions (on ÷ off ≥ {floor:0.00}×)"
                : $"on in every headline row; its cost at {MatrixOptions.SwitchSessions} sessions shown (no bound)";
            var met = SwitchRows.Met(results, feature);
            md.AppendLine($"| {feature.Feature} {bound} | {SwitchRows.Figure(results, feature)} | "
                + (feature.Floor is null ? "shown" : Verdict(met)) + " |");
        }
        Line(md, "no validation errors in any run", $"{results.TotalErrors} errors", results.TotalErrors == 0);
        md.AppendLine();
    }

    /// <summary>req/s of <paramref name="ours"/> at least 1.5 × <paramref name="peer"/>'s and its p99 no higher, at one load.</summary>
    private static (string Figure, bool? Met) Versus(MatrixResults results, string ours, string peer, int load)
    {
        var o = results.Throughput.GetValueOrDefault((ours, load));
        var p = results.Throughput.GetValueOrDefault((peer, load));
        var figure = $"{Num(o?.RequestsPerSecond, "0")} / {Num(p?.RequestsPerSecond, "0")} = {Ratio(o?.RequestsPerSecond, p?.RequestsPerSecond)}; "
            + $"p99 {Num(o?.Latency.P99, "0.00")} vs {Num(p?.Latency.P99, "0.00")} ms";
        bool? met = o is null || p is null ? null : o.RequestsPerSecond >= 1.5 * p.RequestsPerSecond && o.Latency.P99 <= p.Latency.P99;
        return (figure, met);
    }

    private static void Cluster(StringBuilder md, MatrixResults results)
    {
        var cluster = results.Cluster?.Result;
        var single = cluster is null ? null : results.Throughput.GetValueOrDefault((Ours, cluster.Sessions));
        var nodes = $"{MatrixOptions.ClusterNodes}-node cluster, round-robin";
        Line(md, $"{nodes}: req/s ≥ 0.5 × the single node's",
            $"{Num(cluster?.RequestsPerSecond, "0")} / {Num(single?.RequestsPerSecond, "0")} = {Ratio(cluster?.RequestsPerSecond, single?.RequestsPerSecond)}",
            cluster is null || single is null ? null : cluster.RequestsPerSecond >= 0.5 * single.RequestsPerSecond);
        Line(md, $"{nodes}: server CPU per request, summed over the nodes, ≤ 3 × the single node's",
            $"{Num(cluster?.ServerCpuMicrosPerRequest, "0")} vs {Num(single?.ServerCpuMicrosPerRequest, "0")} µs = "
            + Ratio(cluster?.ServerCpuMicrosPerRequest, single?.ServerCpuMicrosPerRequest),
            cluster is null || single is null ? null : cluster.ServerCpuMicrosPerRequest <= 3 * single.ServerCpuMicrosPerRequest);
    }

    private static void IdleMillion(StringBuilder md, MatrixResults results)
    {
        var idle = results.Idle.GetValueOrDefault(Ours);
        var step = idle?.Steps.FirstOrDefault(s => s.Requested >= MillionSessions);
        var largest = idle?.Steps.LastOrDefault();
        var figure = step is null
            ? "not measured" + (largest is null ? "" : $" (the run's largest step: {largest.Requested:N0}; `--idle` sets the steps)")
            : $"{step.Held:N0} held in {Mb(step.ResidentBytes)} MB ({Kb(step.BytesPerSession)} KB each), created in "
                + $"{step.CreateTime.TotalSeconds:0} s; probes {idle!.Probed - idle.ProbeFailures}/{idle.Probed} answered";
        Line(md, "1,000,000 idle sessions on one node in < 1.2 GB RSS, every probe answered (oldest and newest included)", figure,
            step is null ? null : step.Held >= MillionSessions && step.ResidentBytes < MillionBudgetBytes && idle!.Probed > 0 && idle.ProbeFailures == 0);
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "not met", null => "not measured" };

    private static void Line(StringBuilder md, string target, string figure, bool? met) =>
        md.AppendLine($"| {target} | {figure} | {Verdict(met)} |");
}
