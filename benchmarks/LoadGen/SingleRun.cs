using System.Net;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen;

/// <summary>One throughput run against a server already listening on 127.0.0.1 (its CPU is not measured).</summary>
public static class SingleRun
{
    public static async Task<int> Run(int port, int sessions, TimeSpan duration, CancellationToken cancel)
    {
        var target = new Target($"127.0.0.1:{port}", new IPEndPoint(IPAddress.Loopback, port), null);
        var result = await ThroughputRun.Run(target, sessions, duration, cancel);
        Console.WriteLine($"{sessions} sessions, {duration.TotalSeconds:0}s: {result.Requests} requests, {result.RequestsPerSecond:0} req/s, "
            + $"p50 {result.Latency.P50:0.00} p90 {result.Latency.P90:0.00} p99 {result.Latency.P99:0.00} max {result.Latency.Max:0.0} ms, "
            + $"load generator {result.LoadGenCpuMicrosPerRequest:0} us CPU/req, {result.Errors.Count} errors");
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
