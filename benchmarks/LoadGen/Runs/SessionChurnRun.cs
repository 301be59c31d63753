using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <param name="CreateCpu">CPU while creating (wall: the creation time).</param>
/// <param name="CreatedRates">Sessions created per second in each round, in order.</param>
public sealed record ChurnResult(int Sessions, TimeSpan CreateTime, TimeSpan DeleteTime, ErrorLog Errors, CpuUse CreateCpu,
    IReadOnlyList<double> CreatedRates)
{
    public double CreatedPerSecond => Sessions / CreateTime.TotalSeconds;
    public double DeletedPerSecond => Sessions / DeleteTime.TotalSeconds;
    public double ServerCpuMicrosPerSession => CreateCpu.Server.TotalMicroseconds / Sessions;
    public double LoadGenCpuMicrosPerSession => CreateCpu.LoadGen.TotalMicroseconds / Sessions;

    /// <summary>This result and a later round's, summed (both rounds' problems are in one log already).</summary>
    public ChurnResult Plus(ChurnResult round) => this with
    {
        Sessions = Sessions + round.Sessions,
        CreateTime = CreateTime + round.CreateTime,
        DeleteTime = DeleteTime + round.DeleteTime,
        CreateCpu = new CpuUse(CreateCpu.Wall + round.CreateCpu.Wall, CreateCpu.Server + round.CreateCpu.Server,
            CreateCpu.LoadGen + round.CreateCpu.LoadGen),
        CreatedRates = [.. CreatedRates, .. round.CreatedRates],
    };
}

/// <summary>
/// Creates M sessions (initialize + notifications/initialized) over C connections, timed; then DELETEs them, timed apart.
/// </summary>
public static class SessionChurnRun
{
    /// <param name="errors">Where problems are counted (a new log if none).</param>
    public static async Task<ChurnResult> Run(Target target, int sessions, int connections, CancellationToken cancel,
        ErrorLog? errors = null)
    {
        errors ??= new ErrorLog();
        var meter = new CpuMeter(target.Pid);
        meter.Start();
        var (ids, createTime) = await Create(target, sessions, connections, TimeSpan.MaxValue, errors, cancel);
        var cpu = meter.Stop();
        var deleteTime = await Delete(target, ids, connections, errors, cancel);
        return new ChurnResult(sessions, createTime, deleteTime, errors, cpu, [sessions / createTime.TotalSeconds]);
    }

    /// <summary>
    /// <paramref name="rounds"/> rounds of <see cref="Run"/>, the targets taking turns within each round, so that drift in
    /// the machine's load touches every target alike; each target's result sums its rounds.
    /// </summary>
    public static async Task<Dictionary<string, ChurnResult>> Interleaved(IReadOnlyList<Target> targets, int rounds, int sessions,
        int connections, CancellationToken cancel)
    {
        var totals = new Dictionary<string, ChurnResult>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                var sum = totals.GetValueOrDefault(target.Name);
                var result = await Run(target, sessions, connections, cancel, sum?.Errors);
                totals[target.Name] = sum is null ? result : sum.Plus(result);
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
