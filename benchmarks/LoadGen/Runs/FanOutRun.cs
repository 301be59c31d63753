using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

public sealed record FanOutResult(int Streams, long Calls, long Events, TimeSpan Elapsed, ErrorLog Errors)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// SSE fan-out: N sessions at logging level info, each with its GET stream open on a second connection; each session keeps
/// one tools/call in flight, and every call publishes one notifications/message to that session's stream. Counts the
/// events that arrive on the streams during the window.
/// </summary>
public static class FanOutRun
{
    public static async Task<FanOutResult> Run(Target target, int streams, TimeSpan duration, CancellationToken cancel)
    {
        var errors = new ErrorLog();
        await using var pool = await SessionPool.Open(target, streams, cancel);
        var readers = new List<EventStreamReader>();
        try
        {
            foreach (var session in pool.Sessions)
            {
                await session.SetLogLevel("info", cancel);
                var connection = new RawHttpConnection(target.Endpoint);
                await session.OpenStream(connection, cancel);
                readers.Add(EventStreamReader.Start(connection, cancel));
            }
            var (calls, delivered, elapsed) = await Drive(pool.Sessions, readers, duration, errors, cancel);
            return new FanOutResult(streams, calls, delivered, elapsed, errors);
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
                if (reader.Problem is { } problem)
                {
                    errors.Add(problem);
                }
            }
        }
    }

    private static async Task<(long Calls, long Delivered, TimeSpan Elapsed)> Drive(McpSession[] sessions, List<EventStreamReader> readers,
        TimeSpan duration, ErrorLog errors, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(duration + ThroughputRun.StallLimit);
        var calls = 0L;
        var started = Stopwatch.GetTimestamp();
        var before = readers.Sum(r => r.Messages);
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(sessions.Select((session, index) => Task.Run(async () =>
        {
            var sequence = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                try
                {
                    if (await session.Echo($"fan-{index}-{++sequence}", limit.Token) is { } problem)
                    {
                        errors.Add(problem);
                    }
                    Interlocked.Increment(ref calls);
                }
                catch (OperationCanceledException)
                {
                    errors.Add($"no answer within {ThroughputRun.StallLimit.TotalSeconds:0} s of the run's end");
                    return;
                }
                catch (Exception e)
                {
                    errors.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
        }, cancel)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return (calls, readers.Sum(r => r.Messages) - before, elapsed);
    }
}
