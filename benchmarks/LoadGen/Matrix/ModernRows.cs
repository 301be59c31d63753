using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;
using static AkkaMcpEcho.Benchmarks.LoadGen.Servers.ServerLaunch;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// The 2026-07-28 generation: stateless requests (<see cref="ModernRun"/>) against AkkaMcpEcho without and with a handle,
/// the SDK peer in stateless mode, and bare Kestrel answering the same request shape. Each row is keyed in
/// <see cref="MatrixResults.Throughput"/> by its own name, at <see cref="MatrixOptions.ThroughputSessions"/> clients.
/// </summary>
public static class ModernRows
{
    public const string OursPlain = $"{Ours}, 2026-07-28";
    public const string OursHandle = $"{Ours}, 2026-07-28 with a handle";
    public const string BareModern = $"{Bare}, 2026-07-28";

    /// <summary>One modern row: its name, the server it loads, and whether each client passes a handle back.</summary>
    public sealed record Row(string Name, Target Target, bool WithHandle);

    public static Row[] Plan(Target ours, Target statelessPeer, Target bare) =>
    [
        new(OursPlain, ours, false), new(OursHandle, ours, true), new(StatelessPeer, statelessPeer, false), new(BareModern, bare, false),
    ];

    /// <summary>Warms each row's path at 64 clients so tiered JIT is done before anything is timed.</summary>
    public static async Task Warm(Row[] rows, TimeSpan warmup, CancellationToken cancel)
    {
        foreach (var row in rows)
        {
            var warm = await ModernRun.Run(row.Target, 64, row.WithHandle, warmup, cancel);
            Console.WriteLine($"warm-up {row.Name}: {warm.RequestsPerSecond:0} req/s, {warm.Errors.Count} errors");
        }
    }

    public static async Task Measure(Row[] rows, int clients, TimeSpan duration, MatrixResults results, CancellationToken cancel)
    {
        foreach (var row in rows)
        {
            var result = await ModernRun.Run(row.Target, clients, row.WithHandle, duration, cancel);
            results.AddThroughput(row.Name, clients, result);
            Console.WriteLine($"{row.Name}, {clients} clients: {result.RequestsPerSecond:0} req/s, "
                + $"p50 {result.Latency.P50:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
                + $"server {result.ServerCpuMicrosPerRequest:0} us/req, {result.Errors.Count} errors {MatrixRunner.Samples(result.Errors)}");
        }
    }

    public static void Render(StringBuilder md, MatrixOptions options, MatrixResults results)
    {
        md.AppendLine("### 2026-07-28 requests (modern, stateless)").AppendLine();
        md.AppendLine($"| measurement | {Ours} | {Ours} with a handle | {StatelessPeer} | {Bare} (ceiling) | ours / peer | "
            + "with a handle / peer | ours / ceiling |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var clients in MatrixOptions.ThroughputSessions)
        {
            Line(md, $"req/s, {clients} clients, {options.Duration.TotalSeconds:0} s", results, clients, t => t.RequestsPerSecond, "0");
            foreach (var (label, pick) in new (string, Func<ThroughputResult, double>)[]
            {
                ("p50", t => t.Latency.P50), ("p90", t => t.Latency.P90), ("p99", t => t.Latency.P99), ("max", t => t.Latency.Max),
            })
            {
                Line(md, $"latency {label} ms, {clients} clients", results, clients, pick, "0.00");
            }
            Line(md, $"server CPU µs per request, {clients} clients", results, clients, t => t.ServerCpuMicrosPerRequest, "0");
            Line(md, $"load generator CPU µs per request, {clients} clients", results, clients, t => t.LoadGenCpuMicrosPerRequest, "0");
            Line(md, $"errors (of requests), {clients} clients", results, clients, t => t.Errors.Count, "0", ratios: false);
        }
        md.AppendLine();
    }

    public static string Method(MatrixOptions options) => $"""
        - 2026-07-28 requests: C clients, each on its own keep-alive connection, each keeping one `tools/call echo` in flight
          for {options.Duration.TotalSeconds:0} s with no session: POST /mcp with `MCP-Protocol-Version: 2026-07-28`,
          `Mcp-Method: tools/call`, `Mcp-Name: echo`, `Accept: application/json, text/event-stream`, `Content-Type:
          application/json`, and `params._meta` carrying `io.modelcontextprotocol/protocolVersion` and
          `io.modelcontextprotocol/clientCapabilities` (`{"{}"}`). "With a handle": each client first calls `echo` with
          `"session": "new"` (mirrored in `Mcp-Param-Session`), then passes the minted handle back on every call; the answer
          must name that handle and its echo count must be one more than the last. Every answer is checked as for sessions
          (JSON or SSE). {StatelessPeer} answers the same requests (its `Stateless` mode serves only this generation); {Bare}
          answers them with the echo and `resultType`. The modern rows run right after the legacy rows of the same load, each
          warmed up first ({options.Warmup.TotalSeconds:0} s at 64 clients).
        """;

    private static void Line(StringBuilder md, string label, MatrixResults results, int clients, Func<ThroughputResult, double> pick,
        string format, bool ratios = true)
    {
        double? Get(string row) => results.Throughput.TryGetValue((row, clients), out var result) ? pick(result) : null;
        var (plain, handle, peer, bare) = (Get(OursPlain), Get(OursHandle), Get(StatelessPeer), Get(BareModern));
        md.AppendLine($"| {label} | {Num(plain, format)} | {Num(handle, format)} | {Num(peer, format)} | {Num(bare, format)} | "
            + (ratios ? $"{Ratio(plain, peer)} | {Ratio(handle, peer)} | {Ratio(plain, bare)} |" : " | | |"));
    }
}
