using System.Net.Sockets;
using System.Text.Json;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Servers;

/// <summary>The session counters of one <c>/health</c> object.</summary>
public sealed record SessionCounters(int Active, long Created, long Expired, long Ended, long Rejected)
{
    public static SessionCounters From(JsonElement json) => new(
        json.GetProperty("active").GetInt32(), json.GetProperty("total_created").GetInt64(),
        json.GetProperty("expired").GetInt64(), json.GetProperty("ended").GetInt64(), json.GetProperty("rejected").GetInt64());

    public static SessionCounters operator +(SessionCounters a, SessionCounters b) =>
        new(a.Active + b.Active, a.Created + b.Created, a.Expired + b.Expired, a.Ended + b.Ended, a.Rejected + b.Rejected);

    public static SessionCounters operator -(SessionCounters a, SessionCounters b) =>
        new(a.Active - b.Active, a.Created - b.Created, a.Expired - b.Expired, a.Ended - b.Ended, a.Rejected - b.Rejected);
}

/// <summary>
/// A server's <c>/health</c>: the <c>sessions</c> counters (the cluster's totals in cluster mode) and, in cluster mode,
/// each member's counters under <c>cluster.nodes</c>.
/// </summary>
public sealed record HealthCounts(SessionCounters Sessions, IReadOnlyList<(string Node, SessionCounters Counters)> Nodes)
{
    /// <summary>The node's /health, or null when it does not answer 200 within 5 s.</summary>
    public static async Task<HealthCounts?> Read(Target node, CancellationToken cancel)
    {
        using var http = new RawHttpConnection(node.Endpoint);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        attempt.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            var answer = await http.Send("GET", "/health", [], default, attempt.Token);
            if (answer.Status != 200)
            {
                return null;
            }
            using var health = JsonDocument.Parse(answer.Body);
            var root = health.RootElement;
            var nodes = root.TryGetProperty("cluster", out var cluster) && cluster.ValueKind == JsonValueKind.Object
                && cluster.TryGetProperty("nodes", out var members) && members.ValueKind == JsonValueKind.Array
                ? members.EnumerateArray().Select(m => (m.GetProperty("node").GetString() ?? "?", SessionCounters.From(m))).ToList()
                : [];
            return new HealthCounts(SessionCounters.From(root.GetProperty("sessions")), nodes);
        }
        catch (Exception e) when (e is SocketException or IOException or JsonException or KeyNotFoundException or InvalidOperationException
            || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            return null;
        }
    }
}
