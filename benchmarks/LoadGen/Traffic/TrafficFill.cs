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
/// Validated echo calls with large messages on sessions that already exist, in rounds: every session gets call k before
/// any gets call k + 1, so that a recorded exchange lives as long as a round (and reaches the GC's older generations)
/// before a newer one of its session evicts it, as it would under many clients. Call k of session i carries
/// <c>sizes[(i + k) mod n]</c> characters, so that at any moment the sessions stand at every point of the size cycle.
/// </summary>
public static class TrafficFill
{
    public static async Task<FillResult> Run(Target target, IReadOnlyList<string> ids, int firstCall, int calls, int[] sizes,
        int connections, ErrorLog errors, CancellationToken cancel)
    {
        var sessions = Enumerable.Range(0, connections).Select(_ => new McpSession(new RawHttpConnection(target.Endpoint))).ToArray();
        var done = 0L;
        var started = Stopwatch.GetTimestamp();
        try
        {
            for (var call = firstCall; call < firstCall + calls; call++)
            {
                var round = call;
                var next = -1;
                await Task.WhenAll(sessions.Select(session => Task.Run(async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < ids.Count)
                    {
                        try
                        {
                            var message = Message(index, round, sizes[(index + round) % sizes.Length]);
                            if (await session.Rebind(ids[index]).Echo(message, cancel) is { } problem)
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
                }, cancel)));
            }
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Connection.Dispose();
            }
        }
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
