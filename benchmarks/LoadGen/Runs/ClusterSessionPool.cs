using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>
/// Sessions spread over the nodes of a cluster: session i is initialized on node i mod N and holds one connection per
/// node; its successive echo calls go round-robin over those connections, one in flight at a time.
/// </summary>
public sealed class ClusterSessionPool : IAsyncDisposable
{
    private readonly McpSession[] _sessions;
    private readonly RawHttpConnection[][] _connections;

    private ClusterSessionPool(McpSession[] sessions, RawHttpConnection[][] connections)
    {
        _sessions = sessions;
        _connections = connections;
    }

    public static async Task<ClusterSessionPool> Open(IReadOnlyList<Target> nodes, int count, CancellationToken cancel)
    {
        var connections = Enumerable.Range(0, count)
            .Select(_ => nodes.Select(node => new RawHttpConnection(node.Endpoint)).ToArray()).ToArray();
        var sessions = connections.Select((own, index) => new McpSession(own[index % own.Length])).ToArray();
        var pool = new ClusterSessionPool(sessions, connections);
        try
        {
            await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancel },
                async (session, token) => await session.Initialize(token));
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }
        return pool;
    }

    /// <summary>One echo function per session; call k of session i goes to node (i + k) mod N.</summary>
    public ThroughputRun.Echo[] Echoes() =>
    [
        .. _sessions.Select((session, index) =>
        {
            var own = _connections[index];
            var next = index;
            return (ThroughputRun.Echo)((message, cancel) => session.Echo(message, own[++next % own.Length], cancel));
        }),
    ];

    /// <summary>Ends every session (DELETE on the node that created it, best effort) and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(Enumerable.Range(0, _sessions.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (index, _) =>
        {
            try
            {
                if (_sessions[index].SessionId is not null)
                {
                    await _sessions[index].Delete(timeout.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                // Best effort: the server is measured, not this clean-up.
            }
            foreach (var connection in _connections[index])
            {
                connection.Dispose();
            }
        });
    }
}
