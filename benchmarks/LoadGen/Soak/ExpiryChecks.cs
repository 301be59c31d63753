using System.Collections.Concurrent;
using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>
/// Sessions the load abandoned: each is pinged once it has surely expired and must answer 404; a GET stream left open on
/// an abandoned session must be completed by the server when the session expires. At most 2,048 such streams
/// are watched at once; past that the client closes the stream as it abandons the session.
/// </summary>
public sealed class ExpiryChecks(Target[] nodes, SoakOptions options, SoakCounters counters, ErrorLog errors)
{
    private const int MaxWatchedStreams = 2048;
    private readonly ConcurrentQueue<(string SessionId, long Due)> _due = new();
    private readonly SemaphoreSlim _streamSlots = new(MaxWatchedStreams);
    private readonly ConcurrentQueue<Task> _watchers = new();
    private volatile bool _complete;

    public void Abandon(string sessionId)
    {
        counters.Add(SoakCount.Abandoned);
        _due.Enqueue((sessionId, Stopwatch.GetTimestamp() + (long)(options.ExpiredAfter.TotalSeconds * Stopwatch.Frequency)));
    }

    /// <summary>Abandons a session with its GET stream open, <paramref name="events"/> events received so far.</summary>
    public async Task Abandon(string sessionId, EventStreamReader stream, long events)
    {
        Abandon(sessionId);
        if (!_streamSlots.Wait(0))
        {
            await stream.DisposeAsync();
            counters.Add(SoakCount.StreamsUnwatched);
            return;
        }
        _watchers.Enqueue(Watch(stream, events));
    }

    /// <summary>No more sessions will be abandoned: <see cref="Run"/> ends once every one has been checked.</summary>
    public void Complete() => _complete = true;

    /// <summary>Pings abandoned sessions as they fall due, until <see cref="Complete"/> and every check is done.</summary>
    public async Task Run(CancellationToken cancel)
    {
        var connections = nodes.Select(node => new RawHttpConnection(node.Endpoint)).ToArray();
        try
        {
            var probes = 0;
            while (!_complete || !_due.IsEmpty)
            {
                if (_due.TryPeek(out var next) && next.Due <= Stopwatch.GetTimestamp() && _due.TryDequeue(out _))
                {
                    await Probe(next.SessionId, connections[probes++ % connections.Length], cancel);
                }
                else
                {
                    await Task.Delay(200, cancel);
                }
            }
            await Task.WhenAll(_watchers);
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    private async Task Probe(string sessionId, RawHttpConnection via, CancellationToken cancel)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        attempt.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var status = await new McpSession(via).Rebind(sessionId).Ping(via, attempt.Token);
            if (status == 404)
            {
                counters.Add(SoakCount.ExpiredProbed);
            }
            else
            {
                errors.Add($"a session abandoned {options.ExpiredAfter.TotalSeconds:0} s ago answered a ping with HTTP {status}, not 404");
            }
        }
        catch (Exception e) when (!cancel.IsCancellationRequested)
        {
            errors.Add($"expiry ping: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task Watch(EventStreamReader stream, long events)
    {
        try
        {
            var end = await stream.WaitForEnd(options.ExpiredAfter);
            if (end == StreamEnd.Completed)
            {
                counters.Add(SoakCount.StreamsEndedByExpiry);
            }
            else
            {
                errors.Add($"abandoned session's GET stream {(end is null ? "still open" : end.ToString())} "
                    + $"{options.ExpiredAfter.TotalSeconds:0} s after its last request");
            }
            if (stream.Messages != events)
            {
                errors.Add($"abandoned session's GET stream: {stream.Messages} events, {events} expected");
            }
            if (stream.Problem is { } problem)
            {
                errors.Add(problem);
            }
        }
        finally
        {
            await stream.DisposeAsync();
            _streamSlots.Release();
        }
    }
}
