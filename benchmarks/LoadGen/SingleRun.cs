using System.Net;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen;

/// <summary>One throughput run against a server already listening on 127.0.0.1 (its CPU measured when its pid is given).</summary>
public static class SingleRun
{
    /// <param name="generation">"2025": initialized sessions; "2026-07-28": stateless clients (as the matrix's modern rows).</param>
    public static async Task<int> Run(int port, int sessions, TimeSpan duration, string generation, int? pid, CancellationToken cancel)
    {
        var target = new Target($"127.0.0.1:{port}", new IPEndPoint(IPAddress.Loopback, port), pid);
        var result = generation switch
        {
            "2025" => await ThroughputRun.Run(target, sessions, duration, cancel),
            "2026-07-28" => await ModernRun.Run(target, sessions, withHandle: false, duration, cancel),
            _ => throw new ArgumentException($"--generation must be 2025 or 2026-07-28, got '{generation}'"),
        };
        var server = pid is null ? "" : $"server {result.ServerCpuMicrosPerRequest:0.0} us CPU/req, ";
        Console.WriteLine($"{generation}, {sessions} sessions, {duration.TotalSeconds:0}s: {result.Requests} requests, {result.RequestsPerSecond:0} req/s, "
            + $"p50 {result.Latency.P50:0.00} p90 {result.Latency.P90:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
            + $"{server}load generator {result.LoadGenCpuMicrosPerRequest:0} us CPU/req, {result.Errors.Count} errors");
        foreach (var problem in result.Errors.Samples)
        {
            Console.WriteLine("  error: " + problem);
        }
        return result.Errors.Count == 0 ? 0 : 1;
    }

    public static async Task<int> Churn(int port, int sessions, CancellationToken cancel)
    {
        var target = new Target($"127.0.0.1:{port}", new IPEndPoint(IPAddress.Loopback, port), null);
        var result = await SessionChurnRun.Run(target, sessions, 16, cancel);
        Console.WriteLine($"{sessions} sessions: {result.CreatedPerSecond:0} created/s, {result.DeletedPerSecond:0} deleted/s, {result.Errors.Count} errors");
        foreach (var problem in result.Errors.Samples)
        {
            Console.WriteLine("  error: " + problem);
        }
        return result.Errors.Count == 0 ? 0 : 1;
    }

    public static async Task<int> Hold(int port, int sessions, CancellationToken cancel)
    {
        var target = new Target($"127.0.0.1:{port}", new IPEndPoint(IPAddress.Loopback, port), null);
        var errors = new ErrorLog();
        var (ids, elapsed) = await SessionChurnRun.Create(target, sessions, 32, TimeSpan.MaxValue, errors, cancel);
        Console.WriteLine($"{ids.Length} sessions created in {elapsed.TotalSeconds:0.0} s and left idle, {errors.Count} errors");
        return errors.Count == 0 ? 0 : 1;
    }
}
