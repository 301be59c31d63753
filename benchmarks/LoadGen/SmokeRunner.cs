using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;
using AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

namespace AkkaMcpEcho.Benchmarks.LoadGen;

/// <summary>
/// A few seconds against AkkaMcpEcho with 2 sessions (and 2 clients of 2026-07-28, without and with a handle), each kind of
/// run once (the traffic rings on 4); non-zero exit on any error.
/// </summary>
public static class SmokeRunner
{
    public static async Task<int> Run(string serverDll, CancellationToken cancel)
    {
        var selfTest = Mcp.ValidatorSelfTest.Failures();
        foreach (var failure in selfTest)
        {
            Console.WriteLine(failure);
        }
        if (selfTest.Count > 0)
        {
            Console.WriteLine("smoke: FAILED");
            return 1;
        }
        await using var server = await ServerLaunch.StartOurs(serverDll, maxSessions: 1000);
        var throughput = await ThroughputRun.Run(server.Target, 2, TimeSpan.FromSeconds(3), cancel);
        var modern = await ModernRun.Run(server.Target, 2, withHandle: false, TimeSpan.FromSeconds(2), cancel);
        var handles = await ModernRun.Run(server.Target, 2, withHandle: true, TimeSpan.FromSeconds(2), cancel);
        var churn = await SessionChurnRun.Run(server.Target, 50, 2, cancel);
        var fanOut = await FanOutRun.Run(server.Target, 2, TimeSpan.FromSeconds(2), cancel);
        var (rings, trafficErrors) = await TrafficRings(server.Target, cancel);
        Console.WriteLine($"smoke: {throughput.Requests} echo calls ({throughput.RequestsPerSecond:0} req/s, p99 {throughput.Latency.P99:0.00} ms), "
            + $"{throughput.Errors.Count} errors; 2026-07-28: {modern.Requests} stateless calls and {handles.Requests} with a handle, "
            + $"{modern.Errors.Count + handles.Errors.Count} errors; {churn.Sessions} sessions created and deleted, {churn.Errors.Count} errors; "
            + $"{fanOut.Events} SSE events for {fanOut.Calls} calls, {fanOut.Errors.Count} errors; traffic: {rings.Summary}, "
            + $"{trafficErrors.Count} errors");
        var problems = throughput.Errors.Samples.Concat(modern.Errors.Samples).Concat(handles.Errors.Samples).Concat(churn.Errors.Samples).Concat(fanOut.Errors.Samples).Concat(trafficErrors.Samples).ToList();
        foreach (var problem in problems)
        {
            Console.WriteLine("  error: " + problem);
        }
        var ok = throughput.Requests > 0 && throughput.Errors.Count == 0 && modern.Requests > 0 && modern.Errors.Count == 0
            && handles.Requests > 0 && handles.Errors.Count == 0 && churn.Errors.Count == 0
            && fanOut.Errors.Count == 0 && fanOut.Events > 0 && rings.Passed && trafficErrors.Count == 0;
        Console.WriteLine(ok ? "smoke: ok" : "smoke: FAILED");
        return ok ? 0 : 1;
    }

    /// <summary>The traffic-memory run in little: 4 sessions whose rings large echo calls fill, read back through the API.</summary>
    private static async Task<(RingReport Rings, ErrorLog Errors)> TrafficRings(Target target, CancellationToken cancel)
    {
        var errors = new ErrorLog();
        var (ids, _) = await SessionChurnRun.Create(target, 4, 2, TimeSpan.MaxValue, errors, cancel);
        await TrafficFill.Run(target, ids, 0, 8, TrafficOptions.DefaultMessageBytes, 2, errors, cancel);
        return (await RingCheck.Run(target, ids, ids.Length, TrafficLimits.Defaults, cancel), errors);
    }
}
