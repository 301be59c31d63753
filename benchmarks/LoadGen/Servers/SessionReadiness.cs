using System.Diagnostics;
using System.Net.Sockets;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Servers;

/// <summary>What the probes before a load did, and the /health counters they left (the base of the expected counts).</summary>
/// <param name="Refusals">Why the probes that did not get a session failed (e.g. HTTP 503 while sharding starts).</param>
public sealed record Readiness(int Probes, IReadOnlyList<string> Refusals, TimeSpan Took, SessionCounters Before);

/// <summary>
/// Waits until every node creates sessions. <c>/health</c> shows the members, not whether the shard coordinator is up, so
/// each node gets <c>initialize</c> probes until one answers 200, and the session is deleted at once. A probe refused
/// while sharding starts still counts in <c>total_created</c> (and its start may still land and be abandoned), so the
/// counters /health shows afterwards, once every node agrees on them, are the base the load's own counts add to.
/// </summary>
public static class SessionReadiness
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="TimeoutException"/>, naming what each node answered, when <paramref name="limit"/> passes.</summary>
    public static async Task<Readiness> Wait(Target[] nodes, TimeSpan limit, CancellationToken cancel)
    {
        var started = Stopwatch.GetTimestamp();
        var refusals = new List<string>();
        var probes = 0;
        foreach (var node in nodes)
        {
            while (true)
            {
                if (Stopwatch.GetElapsedTime(started) > limit)
                {
                    throw new TimeoutException($"{node.Name} created no session within {limit.TotalSeconds:0} s of the cluster forming "
                        + $"({probes} initialize probes; refused: {string.Join("; ", refusals.TakeLast(5))})");
                }
                probes++;
                if (await Probe(node, cancel) is not { } refusal)
                {
                    break;
                }
                refusals.Add($"{node.Name}: {refusal}");
                await Task.Delay(500, cancel);
            }
        }
        var before = await AgreedHealth(nodes, started, limit, cancel);
        return new Readiness(probes, refusals, Stopwatch.GetElapsedTime(started), before);
    }

    /// <summary>initialize, then DELETE; null when both succeeded, else what went wrong.</summary>
    private static async Task<string?> Probe(Target node, CancellationToken cancel)
    {
        using var http = new RawHttpConnection(node.Endpoint);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        attempt.CancelAfter(Attempt);
        try
        {
            var session = new McpSession(http);
            await session.Initialize(attempt.Token);
            return await session.Delete(attempt.Token) ? null : "DELETE of the probe session: not 2xx";
        }
        catch (Exception e) when (e is McpFailure or SocketException or IOException
            || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return e is OperationCanceledException ? $"no answer within {Attempt.TotalSeconds:0} s" : e.Message;
        }
    }

    /// <summary>The /health counters once every node reports the same ones, no session active, twice in a row.</summary>
    private static async Task<SessionCounters> AgreedHealth(Target[] nodes, long started, TimeSpan limit, CancellationToken cancel)
    {
        SessionCounters? previous = null;
        var seen = new List<SessionCounters?>();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            seen = [.. await Task.WhenAll(nodes.Select(async node => (await HealthCounts.Read(node, cancel))?.Sessions))];
            var agreed = seen.Distinct().Count() == 1 && seen[0] is { Active: 0 } counters ? counters : null;
            if (agreed is not null && agreed == previous)
            {
                return agreed;
            }
            previous = agreed;
            await Task.Delay(1000, cancel);
        }
        throw new TimeoutException($"the nodes' /health did not agree, with no session active, within {limit.TotalSeconds:0} s: "
            + string.Join("; ", seen.Select(s => s is null ? "no answer" : $"active {s.Active}, total_created {s.Created}, "
                + $"expired {s.Expired}, ended {s.Ended}")));
    }
}
