using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;
using AkkaMcpEcho.Benchmarks.LoadGen.Servers;
using static AkkaMcpEcho.Benchmarks.LoadGen.Matrix.ResultsReport;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

/// <summary>
/// A durable session store (MCP_SESSION_STORE) against memory in the same run: every request writes what it changed before
/// it is answered, so req/s and sessions created per second show what the store costs. The postgres row needs a server:
/// <see cref="PostgresVariable"/> names a connection string (benchmarks/run.sh starts a throwaway one when PostgreSQL is
/// installed); without it the row says so.
/// </summary>
public sealed record SessionStoreRow(string Store)
{
    public const string PostgresVariable = "MCP_BENCH_POSTGRES";

    public static readonly SessionStoreRow[] All = [new("sqlite"), new("postgres")];

    public string ServerName => $"{ServerLaunch.Ours}, MCP_SESSION_STORE={Store}";

    /// <summary>The store's connection, or null when it cannot be measured here.</summary>
    public string? Connection() => Store == "sqlite"
        ? Path.Combine(Path.GetTempPath(), $"akka-mcp-echo-bench-{Guid.NewGuid():N}.db")
        : Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } postgres ? postgres : null;

    public Task<ServerProcess> Start(string dll, string connection, IReadOnlyDictionary<string, string>? environment) =>
        ServerLaunch.StartOurs(dll, environment: environment, name: ServerName,
            settings: [$"--MCP_SESSION_STORE={Store}", $"--MCP_SESSION_STORE_CONNECTION={connection}"]);

    /// <summary>Runs throughput at the switches' session count and session churn against each store that can run here.</summary>
    public static async Task Measure(MatrixOptions options, MatrixResults results, CancellationToken cancel)
    {
        foreach (var row in All)
        {
            if (row.Connection() is not { } connection)
            {
                Console.WriteLine($"{row.ServerName}: not measured ({PostgresVariable} not set)");
                continue;
            }
            await using var server = await row.Start(options.ServerDll, connection, options.ServerEnvironment);
            await ThroughputRun.Run(server.Target, MatrixOptions.SwitchSessions, options.Warmup, cancel);
            var throughput = await ThroughputRun.Run(server.Target, MatrixOptions.SwitchSessions, options.Duration, cancel);
            results.AddThroughput(row.ServerName, MatrixOptions.SwitchSessions, throughput);
            var churn = await SessionChurnRun.Run(server.Target, options.ChurnSessions, 16, cancel);
            results.Churn[row.ServerName] = churn;
            Console.WriteLine($"{row.ServerName}: {throughput.RequestsPerSecond:0} req/s at {MatrixOptions.SwitchSessions} sessions, p99 "
                + $"{throughput.Latency.P99:0.00} ms, {churn.CreatedPerSecond:0} sessions created/s, "
                + $"{throughput.Errors.Count + churn.Errors.Count} errors {MatrixRunner.Samples(throughput.Errors)}");
        }
    }

    public static void Render(StringBuilder md, MatrixResults results)
    {
        var sessions = MatrixOptions.SwitchSessions;
        var memory = results.Throughput.GetValueOrDefault((ServerLaunch.Ours, sessions));
        var memoryChurn = results.Churn.GetValueOrDefault(ServerLaunch.Ours);
        md.AppendLine($"| session store memory (as shipped): req/s, {sessions} sessions / sessions created/s | "
            + $"{Num(memory?.RequestsPerSecond, "0")} / {Num(memoryChurn?.CreatedPerSecond, "0")} | | | | |");
        foreach (var row in All)
        {
            var throughput = results.Throughput.GetValueOrDefault((row.ServerName, sessions));
            var churn = results.Churn.GetValueOrDefault(row.ServerName);
            md.AppendLine(throughput is null
                ? $"| session store {row.Store}: req/s, {sessions} sessions / sessions created/s | not measured in this run | | | | |"
                : $"| session store {row.Store}: req/s, {sessions} sessions / sessions created/s (÷ memory) | "
                    + $"{Num(throughput.RequestsPerSecond, "0")} / {Num(churn?.CreatedPerSecond, "0")} "
                    + $"({Ratio(throughput.RequestsPerSecond, memory?.RequestsPerSecond)} / {Ratio(churn?.CreatedPerSecond, memoryChurn?.CreatedPerSecond)}); "
                    + $"p50 / p99 {Num(throughput.Latency.P50, "0.00")} / {Num(throughput.Latency.P99, "0.00")} ms; "
                    + $"errors {throughput.Errors.Count + (churn?.Errors.Count ?? 0)} | | | | |");
        }
    }
}
