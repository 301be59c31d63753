using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>Initialized sessions, each on its own connection.</summary>
public sealed class SessionPool : IAsyncDisposable
{
    private SessionPool(McpSession[] sessions) => Sessions = sessions;

    public McpSession[] Sessions { get; }

    public static async Task<SessionPool> Open(Target target, int count, CancellationToken cancel)
    {
        var sessions = Enumerable.Range(0, count).Select(_ => new McpSession(new RawHttpConnection(target.Endpoint))).ToArray();
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancel },
            async (session, token) => await session.Initialize(token));
        return new SessionPool(sessions);
    }

    /// <summary>Ends every session (DELETE, best effort) and closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(Sessions, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (session, _) =>
        {
            try
            {
                await session.Delete(timeout.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                // Best effort: the server is measured, not this clean-up.
            }
            session.Connection.Dispose();
        });
    }
}
