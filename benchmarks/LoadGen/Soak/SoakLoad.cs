using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>
/// The soak's mixed load: W workers, each running one session's life after another until the deadline. A life is
/// initialize, 5–30 validated echo calls spread round-robin over the nodes, and one of the endings in <see cref="Mix"/>.
/// A GET stream is opened on a node other than the one that created the session (when there are several), after
/// logging/setLevel info, so every echo must arrive on it as one notifications/message event.
/// </summary>
public sealed class SoakLoad(Target[] nodes, SoakCounters counters, ErrorLog errors, ExpiryChecks expiry)
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LifeLimit = TimeSpan.FromSeconds(60);

    private enum Life
    {
        EchoDelete,
        StreamDelete,
        EchoAbandon,
        StreamCloseDelete,
        StreamAbandon,
        IdleAbandon,
    }

    // Half the sessions are deleted, the rest abandoned to expire; three in eight have a GET stream.
    private static readonly Life[] Mix =
    [
        Life.EchoDelete, Life.StreamDelete, Life.EchoAbandon, Life.EchoDelete,
        Life.StreamCloseDelete, Life.StreamAbandon, Life.IdleAbandon, Life.EchoDelete,
    ];

    public async Task Run(int workers, TimeSpan duration, CancellationToken cancel)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => Worker(worker, deadline, cancel), cancel)));
    }

    private async Task Worker(int worker, long deadline, CancellationToken cancel)
    {
        var connections = nodes.Select(node => new RawHttpConnection(node.Endpoint)).ToArray();
        var random = new Random(worker);
        try
        {
            for (var round = 0; Stopwatch.GetTimestamp() < deadline && !cancel.IsCancellationRequested; round++)
            {
                var life = Mix[(worker + round) % Mix.Length];
                var home = (worker + round) % nodes.Length;
                var calls = life == Life.IdleAbandon ? 0 : random.Next(5, 31);
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                limit.CancelAfter(LifeLimit);
                var session = new McpSession(connections[home]);
                try
                {
                    await Live(session, life, connections, home, calls, $"soak-{worker}-{round}", limit.Token, cancel);
                }
                catch (Exception e) when (!cancel.IsCancellationRequested)
                {
                    errors.Add($"{life}: {(e is OperationCanceledException ? $"not over within {LifeLimit.TotalSeconds:0} s" : $"{e.GetType().Name}: {e.Message}")}");
                }
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }

    /// <param name="limit">Bounds this one life.</param>
    /// <param name="run">Bounds the whole run: an abandoned stream outlives its life.</param>
    private async Task Live(McpSession session, Life life, RawHttpConnection[] connections, int home, int calls, string tag,
        CancellationToken limit, CancellationToken run)
    {
        await session.Initialize(limit);
        counters.Add(SoakCount.Created);
        var id = session.SessionId!;
        EventStreamReader? stream = null;
        var settled = false;
        try
        {
            if (life is Life.StreamDelete or Life.StreamCloseDelete or Life.StreamAbandon)
            {
                stream = await OpenStream(session, (home + 1) % nodes.Length, home, limit, run);
            }
            await Echoes(session, connections, home, calls, tag, limit);
            if (stream is not null)
            {
                await ExpectEvents(stream, calls);
            }
            switch (life)
            {
                case Life.EchoAbandon or Life.IdleAbandon:
                    settled = true;
                    expiry.Abandon(id);
                    return;
                case Life.StreamAbandon:
                    settled = true;
                    await expiry.Abandon(id, stream!, calls);
                    stream = null;
                    return;
                case Life.StreamCloseDelete:
                    await stream!.DisposeAsync();
                    stream = null;
                    counters.Add(SoakCount.StreamsClosedByClient);
                    await Echoes(session, connections, home, 3, tag + "-after", limit);
                    break;
            }
            settled = true;
            await Delete(session, connections[(home + 2) % connections.Length], stream, calls, limit);
        }
        finally
        {
            // A life cut short by an error leaves its session to expire.
            counters.Add(SoakCount.LeftByError, settled ? 0 : 1);
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }
        }
    }

    private async Task<EventStreamReader> OpenStream(McpSession session, int node, int home, CancellationToken limit, CancellationToken run)
    {
        await session.SetLogLevel("info", limit);
        var connection = new RawHttpConnection(nodes[node].Endpoint);
        try
        {
            await session.OpenStream(connection, limit);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        counters.Add(SoakCount.StreamsOpened);
        counters.Add(SoakCount.StreamsAcrossNodes, node == home ? 0 : 1);
        return EventStreamReader.Start(connection, run);
    }

    private async Task Echoes(McpSession session, RawHttpConnection[] connections, int home, int calls, string tag, CancellationToken limit)
    {
        for (var call = 1; call <= calls; call++)
        {
            var problem = await session.Echo($"{tag}-{call}", connections[(home + call) % connections.Length], limit);
            counters.Add(SoakCount.EchoCalls);
            if (problem is not null)
            {
                errors.Add($"echo: {problem}");
            }
        }
    }

    private async Task ExpectEvents(EventStreamReader stream, long calls)
    {
        if (!await stream.WaitForMessages(calls, EventWait))
        {
            errors.Add($"GET stream: {stream.Messages} of {calls} events within {EventWait.TotalSeconds:0} s ({stream.Problem ?? "no problem seen"})");
        }
        counters.Add(SoakCount.StreamEvents, stream.Messages);
    }

    /// <summary>DELETE (on a node other than the creating one, when there are several); the stream must then complete and
    /// the id answer 404.</summary>
    private async Task Delete(McpSession session, RawHttpConnection via, EventStreamReader? stream, long events, CancellationToken limit)
    {
        if (!await session.Delete(via, limit))
        {
            errors.Add("DELETE: not 2xx");
            counters.Add(SoakCount.LeftByError);
            return;
        }
        counters.Add(SoakCount.Deleted);
        if (stream is not null)
        {
            var end = await stream.WaitForEnd(EventWait);
            if (end == StreamEnd.Completed && stream.Messages == events && stream.Problem is null)
            {
                counters.Add(SoakCount.StreamsEndedByDelete);
            }
            else
            {
                errors.Add($"GET stream after DELETE: {(end is null ? "still open" : end.ToString())}, {stream.Messages} of {events} events"
                    + (stream.Problem is { } problem ? $", {problem}" : ""));
            }
        }
        var status = await session.Ping(via, limit);
        if (status == 404)
        {
            counters.Add(SoakCount.DeletedProbed);
        }
        else
        {
            errors.Add($"ping after DELETE: HTTP {status}, not 404");
        }
    }
}
