using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <param name="CreateCpu">CPU while creating, summed over the rounds (wall: the creation time).</param>
/// <param name="CreatedRates">Sessions created per second in each round, in order.</param>
public sealed record ChurnResult(int Sessions, TimeSpan CreateTime, TimeSpan DeleteTime, ErrorLog Errors, CpuUse? CreateCpu = null,
    IReadOnlyList<double>? CreatedRates = null)
{
    public double CreatedPerSecond => Sessions / CreateTime.TotalSeconds;
    public double DeletedPerSecond => Sessions / DeleteTime.TotalSeconds;
    public double? ServerCpuMicrosPerSession => CreateCpu is { } cpu ? cpu.Server.TotalMicroseconds / Sessions : null;
    public double? LoadGenCpuMicrosPerSession => CreateCpu is { } cpu ? cpu.LoadGen.TotalMicroseconds / Sessions : null;
}

/// <summary>
/// Creates M sessions (initialize + notifications/initialized) over C connections, timed; then DELETEs them, timed apart.
/// </summary>
public static class SessionChurnRun
{
    public static async Task<ChurnResult> Run(Target target, int sessions, int connections, CancellationToken cancel)
    {
        var errors = new ErrorLog();
        var (ids, createTime) = await Create(target, sessions, connections, TimeSpan.MaxValue, errors, cancel);
        var deleteTime = await Delete(target, ids, connections, errors, cancel);
        return new ChurnResult(sessions, createTime, deleteTime, errors);
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of <see cref="Run"/>, the targets taking turns within each round, so that drift in
    /// the machine's load touches every target alike; each target's result sums its rounds, with the server's and this
    /// process's CPU while creating.
    /// </summary>
    public static async Task<Dictionary<string, ChurnResult>> Interleaved(IReadOnlyList<Target> targets, int rounds, int sessions,
        int connections, CancellationToken cancel)
    {
        var totals = targets.ToDictionary(target => target.Name, _ => new ChurnResult(0, TimeSpan.Zero, TimeSpan.Zero, new ErrorLog(),
            new CpuUse(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), []));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                var total = totals[target.Name];
                var meter = new CpuMeter(target.Pid);
                meter.Start();
                var (ids, createTime) = await Create(target, sessions, connections, TimeSpan.MaxValue, total.Errors, cancel);
                var cpu = meter.Stop();
                var deleteTime = await Delete(target, ids, connections, total.Errors, cancel);
                totals[target.Name] = total with
                {
                    Sessions = total.Sessions + sessions,
                    CreateTime = total.CreateTime + createTime,
                    DeleteTime = total.DeleteTime + deleteTime,
                    CreateCpu = new CpuUse(total.CreateCpu!.Wall + cpu.Wall, total.CreateCpu.Server + cpu.Server, total.CreateCpu.LoadGen + cpu.LoadGen),
                    CreatedRates = [.. total.CreatedRates!, sessions / createTime.TotalSeconds],
                };
            }
        }
        return totals;
    }

    /// <summary>Creates up to <paramref name="count"/> sessions, stopping early at <paramref name="budget"/>.</summary>
    public static async Task<(string[] Ids, TimeSpan Elapsed)> Create(Target target, int count, int connections, TimeSpan budget,
        ErrorLog errors, CancellationToken cancel)
    {
        var ids = new string?[count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var connection = new RawHttpConnection(target.Endpoint);
            int index;
            while ((index = Interlocked.Increment(ref next)) < count && Stopwatch.GetElapsedTime(started) < budget)
            {
                var session = new McpSession(connection);
                try
                {
                    await session.Initialize(cancel);
                    ids[index] = session.SessionId;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add($"create: {e.GetType().Name}: {e.Message}");
                }
            }
        }, cancel));
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (ids.OfType<string>().ToArray(), elapsed);
    }

    public static async Task<TimeSpan> Delete(Target target, string[] ids, int connections, ErrorLog errors, CancellationToken cancel)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var connection = new RawHttpConnection(target.Endpoint);
            var session = new McpSession(connection);
            int index;
            while ((index = Interlocked.Increment(ref next)) < ids.Length)
            {
                try
                {
                    if (!await session.Rebind(ids[index]).Delete(cancel))
                    {
                        errors.Add("delete: not 2xx");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors.Add($"delete: {e.GetType().Name}: {e.Message}");
                }
            }
        }, cancel));
        await Task.WhenAll(workers);
        return Stopwatch.GetElapsedTime(started);
    }
}
