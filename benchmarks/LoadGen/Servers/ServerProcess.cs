using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Servers;

/// <summary>A server under test run as its own process (<c>dotnet app.dll args</c>) on a free 127.0.0.1 port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private long _outputLines;

    private ServerProcess(Process process, Target target)
    {
        _process = process;
        Target = target;
    }

    public Target Target { get; }

    /// <summary>Lines the server has written to stdout and stderr since it started.</summary>
    public long OutputLines => Interlocked.Read(ref _outputLines);

    /// <summary>The last 40 of those lines.</summary>
    public IReadOnlyList<string> RecentOutput => [.. _output];

    /// <param name="arguments">The command-line arguments, given the port the server must listen on.</param>
    /// <param name="environment">Extra environment variables for the server (e.g. DOTNET_gcServer=0).</param>
    public static async Task<ServerProcess> Start(string name, string dll, Func<int, IEnumerable<string>> arguments,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{name}: {dll} not found (build it first)", dll);
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        foreach (var argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name}: could not start dotnet");
        var server = new ServerProcess(process, new Target(name, new IPEndPoint(IPAddress.Loopback, port), process.Id));
        process.OutputDataReceived += (_, line) => server.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => server.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitHealthy();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        Interlocked.Increment(ref _outputLines);
        _output.Enqueue(line);
        while (_output.Count > 40)
        {
            _output.TryDequeue(out _);
        }
    }

    private async Task WaitHealthy()
    {
        var started = Stopwatch.GetTimestamp();
        using var http = new RawHttpConnection(Target.Endpoint);
        while (Stopwatch.GetElapsedTime(started) < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Target.Name} exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if ((await http.Send("GET", "/health", [], default, attempt.Token)).Status == 200)
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Target.Name} did not answer GET /health within {StartTimeout.TotalSeconds}s");
    }

    /// <summary>A 127.0.0.1 port free at the time of asking.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"{Target.Name} (pid {Target.Pid}) did not exit within 15s of being killed");
        }
        _process.Dispose();
    }
}
