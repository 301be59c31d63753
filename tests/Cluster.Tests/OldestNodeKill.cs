using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// The scenario of a reliability review, run once for <see cref="OldestNodeKillTests"/>: three nodes, the oldest (it runs
/// sharding's coordinator) in its own process. It is frozen (SIGSTOP) with calls for its sessions and initialize calls in
/// flight, then killed (SIGKILL), while initialize, echo and calls for its sessions keep arriving at the two survivors
/// until the cluster is back to normal. Every call is recorded with its start time since the kill.
/// </summary>
public sealed class OldestNodeKill : IAsyncLifetime
{
    public static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WatchAtMost = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Frozen = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(100);

    /// <summary>A call for a dead node's session answered this fast comes from a shard restarted on a survivor.</summary>
    public static readonly TimeSpan AtOnce = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly Stopwatch _sinceKill = new();
    private ProcessNode? _victim;
    private TestCluster? _survivors;

    public IReadOnlyList<Call> Calls => [.. _calls.OrderBy(c => c.Started)];
    public IReadOnlySet<string> Kept { get; private set; } = new HashSet<string>();
    public IReadOnlySet<string> Lost { get; private set; } = new HashSet<string>();

    /// <summary>Since the kill: when a survivor first saw the dead member unreachable, and when both saw it removed.</summary>
    public TimeSpan? Unreachable { get; private set; }
    public TimeSpan? Removed { get; private set; }

    public async Task InitializeAsync()
    {
        _victim = await ProcessNode.Start(seed: null);
        _survivors = await TestCluster.Join(_victim.Address, 2, members: 3);
        var survivors = _survivors.Nodes;
        (Kept, Lost) = await Sessions(_victim, _survivors);
        // Every survivor routes to every session once, so it knows each shard's home without asking the coordinator.
        foreach (var (node, session) in survivors.SelectMany(n => Kept.Concat(Lost).Select(s => (n, s))))
        {
            Assert.Equal(HttpStatusCode.OK, (await node.Mcp.Echo(session, "warm")).Status);
        }

        _victim.Freeze();
        _sinceKill.Start();
        var racing = survivors.SelectMany(node => Lost.Select(session => Record("racing", () => Echo(node, session, "racing"))))
            .Concat(survivors.SelectMany(node => Enumerable.Range(0, 6).Select(_ => Record("create", () => Create(node)))))
            .ToList();
        await Task.Delay(Frozen);
        _victim.Kill();
        _sinceKill.Restart();

        using var stop = new CancellationTokenSource();
        // Paced: a few hundred sessions in all, well under MCP_MAX_SESSIONS.
        var load = survivors.Select(node => Loop(stop.Token, "create", () => Create(node)))
            .Concat(survivors.SelectMany(node => Lost.Select(session => Loop(stop.Token, "lost", () => Echo(node, session, "gone?")))))
            .Concat(survivors.Select(node => Loop(stop.Token, "kept", () => KeptEcho(node))))
            .ToList();
        await WatchMembership(survivors);
        await stop.CancelAsync();
        await Task.WhenAll(racing.Concat(load));
    }

    public async Task DisposeAsync()
    {
        if (_survivors is not null)
        {
            await _survivors.DisposeAsync();
        }
        if (_victim is not null)
        {
            await _victim.DisposeAsync();
        }
    }

    /// <summary>Sessions on the survivors and on the victim, created through every node.</summary>
    private static async Task<(HashSet<string> Kept, HashSet<string> Lost)> Sessions(ProcessNode victim, TestCluster survivors)
    {
        var created = new List<string>();
        var clients = survivors.Nodes.Select(n => n.Mcp).Append(victim.Mcp).ToArray();
        for (var i = 0; i < 24; i++)
        {
            created.Add(await clients[i % clients.Length].Initialize());
        }
        var hosted = (await Task.WhenAll(survivors.Nodes.Select(n => n.HostedSessions()))).ToArray();
        var kept = created.Where(s => hosted.Any(h => h.Contains(s))).ToHashSet();
        var lost = created.Except(kept).Take(3).ToHashSet();
        Assert.True(hosted.All(h => h.Count > 0) && lost.Count == 3,
            $"sessions hosted per survivor: {string.Join(", ", hosted.Select(h => h.Count))}; on the victim: {created.Count - kept.Count}");
        return (kept, lost);
    }

    private static async Task<(HttpStatusCode Status, string? Text)> Create(ClusterNode node)
    {
        using var response = await node.Mcp.Post(Requests.Initialize(clientName: "kill"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }
        // A new session must also answer, through the node that created it.
        var session = response.Headers.GetValues("Mcp-Session-Id").Single();
        var (status, text) = await Echo(node, session, "new");
        return (status, status == HttpStatusCode.OK ? session : text);
    }

    private Task<(HttpStatusCode Status, string? Text)> KeptEcho(ClusterNode node) =>
        Echo(node, Kept.ElementAt(Random.Shared.Next(Kept.Count)), "kept");

    /// <summary>An echo through <paramref name="node"/>: its status, and its text when answered 200.</summary>
    private static async Task<(HttpStatusCode Status, string? Text)> Echo(ClusterNode node, string session, string message)
    {
        var answer = await node.Mcp.Echo(session, message);
        return (answer.Status, answer.ToolText());
    }

    private Task Loop(CancellationToken stop, string kind, Func<Task<(HttpStatusCode, string?)>> call) => Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            await Record(kind, call);
            await Task.Delay(Pace, CancellationToken.None);
        }
    });

    private async Task Record(string kind, Func<Task<(HttpStatusCode, string?)>> call)
    {
        var started = _sinceKill.Elapsed;
        var watch = Stopwatch.StartNew();
        try
        {
            var (status, text) = await call();
            _calls.Enqueue(new Call(kind, started, watch.Elapsed, status, text));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _calls.Enqueue(new Call(kind, started, watch.Elapsed, 0, e.Message));
        }
    }

    /// <summary>Until both survivors have removed the dead member and its sessions answer 404 at once, or a bounded wait.</summary>
    private async Task WatchMembership(IReadOnlyList<ClusterNode> survivors)
    {
        var states = survivors.Select(n => Akka.Cluster.Cluster.Get(n.System)).ToArray();
        while (_sinceKill.Elapsed < WatchAtMost)
        {
            var now = _sinceKill.Elapsed;
            if (Unreachable is null && states.Any(s => s.State.Unreachable.Count > 0))
            {
                Unreachable = now;
            }
            if (Removed is null && states.All(s => s.State.Members.Count == 2 && s.State.Unreachable.Count == 0))
            {
                Removed = now;
            }
            if (Removed is not null && Normal(TimeSpan.FromSeconds(1)) is not null)
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Since the kill: when the dead node's shards answered again (the first 404 for its sessions that did not wait out
    /// the bound), provided every call for them started from then on answered 404 at once for at least
    /// <paramref name="atLeast"/>; null if not yet.
    /// </summary>
    public TimeSpan? Normal(TimeSpan atLeast)
    {
        var lost = Calls.Where(c => c.Kind == "lost").ToArray();
        var restarts = lost.Where(c => c.Status == HttpStatusCode.NotFound && c.Took < AskTimeout * 0.5)
            .Select(c => c.Started + c.Took).Order();
        foreach (var restart in restarts)
        {
            var after = lost.Where(c => c.Started >= restart).ToArray();
            if (after.Length > 0 && after[^1].Started - restart >= atLeast
                && after.All(c => c.Status == HttpStatusCode.NotFound && c.Took <= AtOnce))
            {
                return restart;
            }
        }
        return null;
    }

    public sealed record Call(string Kind, TimeSpan Started, TimeSpan Took, HttpStatusCode Status, string? Text);
}
