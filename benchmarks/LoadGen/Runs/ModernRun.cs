using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>
/// C 2026-07-28 clients, each on its own connection, each keeping one validated tools/call echo in flight: stateless,
/// or (<paramref name="withHandle"/>) each first minting a handle and passing it back on every call.
/// </summary>
public static class ModernRun
{
    public static async Task<ThroughputResult> Run(Target target, int clients, bool withHandle, TimeSpan duration, CancellationToken cancel)
    {
        var all = Enumerable.Range(0, clients).Select(_ => new ModernClient(new RawHttpConnection(target.Endpoint))).ToArray();
        try
        {
            if (withHandle)
            {
                await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancel },
                    async (client, token) => await client.MintHandle(token));
            }
            return await ThroughputRun.Drive([.. all.Select(client => (ThroughputRun.Echo)client.Echo)],
                target.Pid is { } pid ? [pid] : [], duration, cancel);
        }
        finally
        {
            foreach (var client in all)
            {
                client.Connection.Dispose();
            }
        }
    }
}
