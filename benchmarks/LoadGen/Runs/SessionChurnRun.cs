using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

public sealed record ChurnResult(int Sessions, TimeSpan CreateTime, TimeSpan DeleteTime, ErrorLog Errors)
{
    public double CreatedPerSecond => Sessions / CreateTime.TotalSeconds;
    public double DeletedPerSecond => Sessions / DeleteTime.TotalSeconds;
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
