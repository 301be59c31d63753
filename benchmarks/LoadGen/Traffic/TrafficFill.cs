using System.Diagnostics;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

public sealed record FillResult(long Calls, TimeSpan Elapsed)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
}

/// <summary>
/// Validated echo calls with large messages on sessions that already exist, each session's calls one after another over
/// C connections. Call k of session i carries <c>sizes[(i + k) mod n]</c> characters, so that at any moment the sessions
/// stand at every point of the size cycle, not all at the same one.
/// </summary>
public static class TrafficFill
{
    public static async Task<FillResult> Run(Target target, IReadOnlyList<string> ids, int firstCall, int calls, int[] sizes,
        int connections, ErrorLog errors, CancellationToken cancel)
    {
        var next = -1;
        var done = 0L;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            using var connection = new RawHttpConnection(target.Endpoint);
            var session = new McpSession(connection);
            int index;
            while ((index = Interlocked.Increment(ref next)) < ids.Count)
            {
                session.Rebind(ids[index]);
                for (var call = firstCall; call < firstCall + calls; call++)
                {
                    try
                    {
                        if (await session.Echo(Message(index, call, sizes[(index + call) % sizes.Length]), cancel) is { } problem)
                        {
                            errors.Add($"echo on session {index}: {problem}");
                        }
                        Interlocked.Increment(ref done);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        errors.Add($"echo on session {index}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        }, cancel));
        await Task.WhenAll(workers);
        return new FillResult(done, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A message of <paramref name="size"/> ASCII characters that starts with the session and call.</summary>
    public static string Message(int session, int call, int size)
    {
        var prefix = $"t{session}-{call}-";
        return string.Create(Math.Max(size, prefix.Length), prefix, (text, start) =>
        {
            start.CopyTo(text);
            text[start.Length..].Fill('x');
        });
    }
}
