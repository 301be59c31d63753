using System.Net;
using Xunit.Abstractions;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>
/// A single server on the sqlite store, killed hard (SIGKILL: nothing flushed, nothing said) and started again on the
/// same file: every session answers as it was, with its echo count and last echo (issue 16, acceptance 1).
/// </summary>
public sealed class DurableRestartTests(ITestOutputHelper output)
{
    private const int Sessions = 20;

    [Fact]
    public async Task A_sqlite_server_killed_hard_and_restarted_answers_every_session_with_its_state()
    {
        var file = StoreHocon.NewSqliteFile();
        var environment = new Dictionary<string, string>
        {
            ["AKKA_CLUSTER_ENABLED"] = "false",
            ["MCP_SESSION_STORE"] = "sqlite",
            ["MCP_SESSION_STORE_CONNECTION"] = file,
            // A loaded 2-core machine: the first writes of a fresh file may take seconds.
            ["MCP_ASK_TIMEOUT"] = "30",
        };
        try
        {
            var sessions = new List<(string Id, int Echoes, string Last)>();
            await using (var first = await ProcessNode.Start(null, environment))
            {
                for (var i = 0; i < Sessions; i++)
                {
                    var session = await RawSession.Start(first.Mcp, i % 2 == 0 ? "2025-06-18" : "2025-11-25");
                    var echoes = i % 4 + 1;
                    for (var n = 1; n <= echoes; n++)
                    {
                        Assert.Equal(n, await session.Echo($"session {i} echo {n} ✨"));
                    }
                    sessions.Add((session.Id, echoes, $"session {i} echo {echoes} ✨"));
                }
                first.Kill();
            }

            await using var second = await ProcessNode.Start(null, environment);
            foreach (var (id, echoes, last) in sessions)
            {
                var session = new RawSession(second.Mcp, id);
                Assert.Equal((last, echoes), await session.Replay());
                Assert.Equal(echoes.ToString(System.Globalization.CultureInfo.InvariantCulture), (await session.Info())["Echo Count"]);
                await session.AssertIntact(echoes);
            }
            var health = await second.Mcp.Health();
            Assert.Equal("healthy", health.GetProperty("status").GetString());
            Assert.Equal("sqlite", health.GetProperty("store").GetProperty("kind").GetString());
            var unknown = await second.Mcp.Echo(Guid.NewGuid().ToString(), "never issued");
            Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
            output.WriteLine($"{Sessions} sessions, {sessions.Sum(s => s.Echoes)} echoes: all intact after kill -9 and restart");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
