using System.Diagnostics;
using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// Issue 16, acceptance 2, run once for <see cref="PostgresFailoverTests"/>: three node processes sharing one fresh
/// PostgreSQL database; 300 legacy sessions, each given a known state (1 to 3 echoes through every node); then a bounded
/// echo load over all of them through two nodes while the third, the oldest (it also runs sharding's coordinator, the
/// worst case), is killed with SIGKILL. The load goes on until every session has answered 200 again since its last other
/// answer and no call has failed for <see cref="Quiet"/>, or <see cref="LoadAtMost"/> after the kill; then every
/// session's state is read back through the survivors. Every answer is recorded on one clock.
/// </summary>
public sealed class PostgresFailover : IAsyncLifetime
{
    public const int SessionCount = 300;
    private const int Workers = 20;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LoadAtMost = TimeSpan.FromSeconds(50);

    private readonly Stopwatch _clock = new();
    private readonly List<ProcessNode> _nodes = [];
    private PostgresServer? _postgres;
    private long _lastFailureEndTicks = -1;

    public IReadOnlyList<FailoverSession> Sessions { get; private set; } = [];
    public TimeSpan KilledAt { get; private set; }

    /// <summary>When each step of the scenario ended, on its clock (for the test's own running time).</summary>
    public List<(string Step, TimeSpan At)> Phases { get; } = [];

    /// <summary>The sessions the killed node hosted, by its own count in /health just before the kill.</summary>
    public int VictimSessions { get; private set; }

    /// <summary>Since the kill: when both survivors' /health listed two members; when the load stopped.</summary>
    public TimeSpan? Removed { get; private set; }
    public TimeSpan LoadStopped { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            await Run();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task Run()
    {
        _clock.Start();
        if (Environment.GetEnvironmentVariable(PostgresServer.SharedVariable) is not { Length: > 0 })
        {
            _postgres = await PostgresServer.StartNew();
        }
        var environment = new Dictionary<string, string>
        {
            ["MCP_SESSION_STORE"] = "postgres",
            ["MCP_SESSION_STORE_CONNECTION"] = await PostgresServer.NewDatabase(_postgres),
        };
        _nodes.Add(await ProcessNode.Start(null, environment));
        var joining = Enumerable.Range(0, 2).Select(_ => ProcessNode.Start(_nodes[0].Address, environment)).ToArray();
        try
        {
            await Task.WhenAll(joining);
        }
        finally
        {
            _nodes.AddRange(joining.Where(j => j.IsCompletedSuccessfully).Select(j => j.Result));
        }
        await Eventually.Until(async () => (await Task.WhenAll(_nodes.Select(Members))).All(m => m == 3),
            DateTime.UtcNow + TimeSpan.FromSeconds(40), "every node to list 3 members");
        Phases.Add(("cluster formed", _clock.Elapsed));
        await EveryNodeCreatesSessions();
        Phases.Add(("every node created a session", _clock.Elapsed));
        Sessions = await CreateKnownSessions();
        Phases.Add(("sessions created", _clock.Elapsed));

        using var stop = new CancellationTokenSource();
        var survivors = new[] { _nodes[1].Mcp, _nodes[2].Mcp };
        var load = Enumerable.Range(0, Workers).Select(w => Load(w, survivors, stop.Token)).ToArray();
        await Task.Delay(Baseline);
        VictimSessions = await OwnActiveSessions(_nodes[0]);
        KilledAt = _clock.Elapsed;
        _nodes[0].Kill();
        await WatchUntilRecovered(survivors);
        LoadStopped = _clock.Elapsed - KilledAt;
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Phases.Add(("load stopped", _clock.Elapsed));
        await ReadBack(survivors);
        Phases.Add(("state read back", _clock.Elapsed));
    }

    /// <summary>
    /// /health lists the members before sharding places sessions, and each node's first session waits for its region, the
    /// coordinator and the store's first connection (several seconds on a loaded host, past the 5 s ask): until each node
    /// has answered an initialize with 200 (the probe's session ended at once), the scenario has not begun.
    /// </summary>
    private async Task EveryNodeCreatesSessions()
    {
        foreach (var node in _nodes)
        {
            await Eventually.Until(async () =>
            {
                using var response = await node.Mcp.Post(Requests.Initialize(1, "2025-06-18", "failover-probe"));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }
                using var ended = await node.Mcp.Delete(response.Headers.GetValues("Mcp-Session-Id").Single());
                return ended.IsSuccessStatusCode;
            }, DateTime.UtcNow + TimeSpan.FromSeconds(60), $"node {node.Address} to create a session");
        }
    }

    /// <summary>Legacy sessions on all three nodes, each with its known echoes, through every node in turn.</summary>
    private async Task<FailoverSession[]> CreateKnownSessions()
    {
        var clients = _nodes.Select(n => n.Mcp).ToArray();
        var sessions = new FailoverSession[SessionCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, SessionCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var version = i % 2 == 0 ? "2025-06-18" : "2025-11-25";
            var session = new FailoverSession(await Initialize(clients[i % 3], version, $"failover-{i}"), i, version);
            for (var n = 1; n <= session.KnownEchoes; n++)
            {
                Assert.Equal(n, await new RawSession(clients[(i + n) % 3], session.Id).Echo(session.KnownMessage(n)));
            }
            sessions[i] = session;
        });
        return sessions;
    }

    private static async Task<string> Initialize(RawMcpClient client, string version, string name)
    {
        using var response = await client.Post(Requests.Initialize(1, version, name));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"initialize: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    /// <summary>One worker: its share of the sessions in turn, each echo through the survivors alternately, one at a time.</summary>
    private Task Load(int worker, RawMcpClient[] survivors, CancellationToken stop) => Task.Run(async () =>
    {
        var mine = Sessions.Where(s => s.Index % Workers == worker).ToArray();
        for (var n = 0; n < 1_000_000 && !stop.IsCancellationRequested; n++)
        {
            var session = mine[n % mine.Length];
            var via = (n / mine.Length + worker) % 2;
            var outcome = await Echo(survivors[via], via, session, $"session {session.Index} load {n}");
            session.Record(outcome);
            if (!outcome.Acknowledged)
            {
                InterlockedMax(ref _lastFailureEndTicks, outcome.Ended.Ticks);
            }
            await Task.Delay(Pace, CancellationToken.None);
        }
    });

    private async Task<EchoOutcome> Echo(RawMcpClient client, int via, FailoverSession session, string message)
    {
        var started = _clock.Elapsed;
        try
        {
            using var response = await client.Post(Requests.Echo(7, message), session.Id);
            var body = await response.Content.ReadAsStringAsync();
            var answer = new RpcResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body,
                new Dictionary<string, string>())
            { SentIdJson = "7" };
            var count = answer.Status == HttpStatusCode.OK ? FailoverSession.ParseCount(answer.ToolText()!, message) : null;
            return new EchoOutcome(message, via, started, _clock.Elapsed, response.StatusCode, count, body)
            {
                RetryAfter = response.Headers.RetryAfter?.ToString(),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException)
        {
            return new EchoOutcome(message, via, started, _clock.Elapsed, 0, null, e.Message);
        }
    }

    /// <summary>Until every session answers again and nothing failed for <see cref="Quiet"/>, or <see cref="LoadAtMost"/>.</summary>
    private async Task WatchUntilRecovered(RawMcpClient[] survivors)
    {
        var nextHealth = TimeSpan.Zero;
        while (_clock.Elapsed - KilledAt < LoadAtMost)
        {
            var now = _clock.Elapsed;
            if (Removed is null && now >= nextHealth)
            {
                nextHealth = now + TimeSpan.FromMilliseconds(500);
                if ((await Task.WhenAll(_nodes.Skip(1).Select(Members))).All(m => m == 2))
                {
                    Removed = _clock.Elapsed - KilledAt;
                }
            }
            var quietSince = TimeSpan.FromTicks(Math.Max(KilledAt.Ticks, Interlocked.Read(ref _lastFailureEndTicks)));
            if (now - quietSince >= Quiet && Sessions.All(s => s.AnswersNow(KilledAt)))
            {
                return;
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Each session's state through a survivor, then one more echo through the other.</summary>
    private async Task ReadBack(RawMcpClient[] survivors) =>
        await Parallel.ForEachAsync(Sessions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (session, _) =>
        {
            try
            {
                var reader = new RawSession(survivors[session.Index % 2], session.Id);
                var info = await reader.Info();
                var (replayed, replayedCount) = await reader.Replay();
                var next = await new RawSession(survivors[(session.Index + 1) % 2], session.Id).Echo("after the failover");
                session.Final = new FinalState(int.Parse(info["Echo Count"], System.Globalization.CultureInfo.InvariantCulture),
                    info["Protocol Version"], info["Client"], replayed, replayedCount, next);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Xunit.Sdk.XunitException
                or KeyNotFoundException or FormatException)
            {
                session.FinalProblem = e.Message;
            }
        });

    private static async Task<int> Members(ProcessNode node)
    {
        try
        {
            return (await node.Mcp.Health()).GetProperty("cluster").GetProperty("members").GetInt32();
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<int> OwnActiveSessions(ProcessNode node) =>
        (await node.Mcp.Health()).GetProperty("cluster").GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("self").GetBoolean()).GetProperty("active").GetInt32();

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var found && found != seen)
        {
            seen = found;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        _nodes.Clear();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            _postgres = null;
        }
    }
}
