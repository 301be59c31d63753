using System.Diagnostics;
using System.Text;
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
        var streamConnections = new RawHttpConnection[streams];
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var events = new long[1];
        var readers = new List<Task>();
        for (var i = 0; i < streams; i++)
        {
            await pool.Sessions[i].SetLogLevel("info", cancel);
            streamConnections[i] = new RawHttpConnection(target.Endpoint);
            await pool.Sessions[i].OpenStream(streamConnections[i], cancel);
            var connection = streamConnections[i];
            readers.Add(Task.Run(() => Read(connection, events, errors, stopReading.Token), cancel));
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(duration + ThroughputRun.StallLimit);
        var calls = 0L;
        var started = Stopwatch.GetTimestamp();
        var before = Interlocked.Read(ref events[0]);
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(pool.Sessions.Select((session, index) => Task.Run(async () =>
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
        var delivered = Interlocked.Read(ref events[0]) - before;
        await stopReading.CancelAsync();
        foreach (var connection in streamConnections)
        {
            connection.Dispose();
        }
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        return new FanOutResult(streams, calls, delivered, elapsed, errors);
    }

    /// <summary>Counts complete SSE events that carry a notifications/message, across chunk boundaries.</summary>
    private static async Task Read(RawHttpConnection stream, long[] events, ErrorLog errors, CancellationToken cancel)
    {
        var pending = new StringBuilder();
        try
        {
            while (await stream.ReadChunk(cancel) is { } chunk)
            {
                pending.Append(chunk);
                var text = pending.ToString();
                var end = text.LastIndexOf("\n\n", StringComparison.Ordinal);
                if (end < 0)
                {
                    continue;
                }
                foreach (var block in text[..end].Split("\n\n"))
                {
                    if (block.Contains("notifications/message", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref events[0]);
                    }
                }
                pending.Clear().Append(text, end + 2, text.Length - end - 2);
            }
        }
        catch (Exception e) when (cancel.IsCancellationRequested || e is ObjectDisposedException)
        {
            // The run is over: the connection was closed under the reader.
        }
        catch (Exception e)
        {
            errors.Add($"stream: {e.GetType().Name}: {e.Message}");
        }
    }
}
