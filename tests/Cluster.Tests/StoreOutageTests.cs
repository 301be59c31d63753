using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// The postgres store stopped under load and started again (issue 16, acceptance 3): /health says degraded, calls answer
/// a clear 503 and nothing else, the server recovers by itself, and no acknowledged echo is lost.
/// </summary>
public sealed class StoreOutageTests(ITestOutputHelper output)
{
    private const int Sessions = 8;

    [Fact]
    public async Task PostgreSQL_stopped_under_load_then_started_loses_no_acknowledged_state()
    {
        await using var postgres = await PostgresServer.StartNew();
        var environment = new Dictionary<string, string>
        {
            ["AKKA_CLUSTER_ENABLED"] = "false",
            ["MCP_SESSION_STORE"] = "postgres",
            ["MCP_SESSION_STORE_CONNECTION"] = await PostgresServer.NewDatabase(postgres),
            ["MCP_ASK_TIMEOUT"] = "20",
        };
        await using var server = await ProcessNode.Start(null, environment);
        var sessions = new List<RawSession>();
        for (var i = 0; i < Sessions; i++)
        {
            sessions.Add(await RawSession.Start(server.Mcp));
        }
        var acknowledged = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentBag<(HttpStatusCode Status, string Text)>();
        using var stop = new CancellationTokenSource();
        var load = sessions.Select(session => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested && n < 10_000; n++)
            {
                var answer = await session.Client.Echo(session.Id, $"load {n}");
                statuses.Add((answer.Status, answer.Status == HttpStatusCode.OK ? "" : answer.Text));
                if (answer.Status == HttpStatusCode.OK)
                {
                    acknowledged[session.Id] = ParseCount(answer.ToolText()!);
                }
                else
                {
                    await Task.Delay(100);
                }
            }
        })).ToArray();

        await Task.Delay(TimeSpan.FromSeconds(2));
        postgres.Stop();
        var outage = Stopwatch.StartNew();
        await Eventually.Until(async () => (await server.Mcp.Health()).GetProperty("status").GetString() == "degraded",
            DateTime.UtcNow + TimeSpan.FromSeconds(20), "/health to say degraded");
        var degradedAfter = outage.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(3));
        postgres.Start();
        var restarted = outage.Elapsed;
        await Eventually.Until(async () => (await server.Mcp.Health()).GetProperty("status").GetString() == "healthy",
            DateTime.UtcNow + TimeSpan.FromSeconds(30), "/health to say healthy again");
        await Eventually.Until(async () => (await sessions[0].Client.Echo(sessions[0].Id, "probe")).Status == HttpStatusCode.OK,
            DateTime.UtcNow + TimeSpan.FromSeconds(30), "echo to answer 200 again");
        var recovered = outage.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var unavailable = statuses.Where(s => s.Status == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.All(statuses, s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{s.Status}: {s.Text}"));
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, s => Assert.Contains("session store is unavailable", s.Text));
        foreach (var session in sessions)
        {
            var next = await session.Echo("after the outage");
            var acked = acknowledged.GetValueOrDefault(session.Id);
            Assert.True(next > acked, $"{session.Id}: acknowledged {acked} echoes, the next is number {next}");
        }
        output.WriteLine($"{statuses.Count} calls: {statuses.Count - unavailable.Count} OK, {unavailable.Count} clear 503s; degraded "
            + $"{degradedAfter.TotalSeconds:0.0}s after the stop, PostgreSQL back at {restarted.TotalSeconds:0.0}s, echo OK again at "
            + $"{recovered.TotalSeconds:0.0}s; acknowledged echoes per session: {string.Join(",", acknowledged.Values.Order())}");
    }

    private static int ParseCount(string text) =>
        int.Parse(text.Split('\n')[2]["Echo count in session: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
}
