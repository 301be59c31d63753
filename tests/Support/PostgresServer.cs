using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL server for one test class: initdb into a temporary folder, bound to 127.0.0.1 on a free port,
/// stopped and deleted at the end. Uses Debian's binaries (/usr/lib/postgresql/N/bin) or those on PATH; as root, runs
/// them as the postgres user (PostgreSQL refuses to run as root). <see cref="Stop"/> and <see cref="Start"/> take the
/// database away and bring it back, for outage tests.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>Set by CI to a server it started (a connection string to a database the tests may create databases with).</summary>
    public const string SharedVariable = "MCP_TEST_POSTGRES";

    private readonly string _bin;
    private readonly string _dir;
    private readonly int _port;

    private PostgresServer(string bin, string dir, int port) => (_bin, _dir, _port) = (bin, dir, port);

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={_port};Username=echo;Database={database};Pooling=true;Timeout=5;Command Timeout=10";

    /// <summary>The folder of initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? Binaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
    }

    /// <summary>
    /// A connection string for a fresh database: on <paramref name="own"/> when given (a test that stops its server must
    /// hold the database it stops), else on CI's server (<see cref="SharedVariable"/>).
    /// </summary>
    public static async Task<string> NewDatabase(PostgresServer? own)
    {
        var admin = own?.ConnectionString()
            ?? (Environment.GetEnvironmentVariable(SharedVariable) is { Length: > 0 } shared ? shared : null)
            ?? throw new InvalidOperationException("No PostgreSQL server");
        var name = $"echo_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public static async Task<PostgresServer> StartNew()
    {
        var bin = Binaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (apt-get install postgresql): its tests need initdb and pg_ctl");
        var dir = Path.Combine(Path.GetTempPath(), $"akka-mcp-echo-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var server = new PostgresServer(bin, dir, LoopbackPorts.Free());
        if (Environment.UserName == "root")
        {
            await Run("chown", "postgres", dir);
        }
        await server.Tool("initdb", "-D", Path.Combine(dir, "data"), "-U", "echo", "-A", "trust", "--no-sync", "-E", "UTF8");
        server.Start();
        return server;
    }

    public void Start() => Tool("pg_ctl", "-D", Path.Combine(_dir, "data"), "-l", Path.Combine(_dir, "log"), "-w", "-t", "60",
        "-o", $"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start").GetAwaiter().GetResult();

    /// <summary>Stops the server at once (-m immediate): open connections break, as when a database host goes away.</summary>
    public void Stop() => Tool("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Tool("pg_ctl", "-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(_dir, recursive: true);
    }

    private Task Tool(string name, params string[] args) => Environment.UserName == "root"
        ? Run("runuser", ["-u", "postgres", "--", Path.Combine(_bin, name), .. args])
        : Run(Path.Combine(_bin, name), args);

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PostgreSQL on 127.0.0.1:{_port}");
}
