using System.Diagnostics;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A server node in its own OS process (the built AkkaMcpEcho.dll), so that it can be killed hard.</summary>
public sealed class ProcessNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private ProcessNode(Process process, int httpPort, int remotePort)
    {
        _process = process;
        Address = $"akka.tcp://akka-mcp-echo@127.0.0.1:{remotePort}";
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Mcp = new RawMcpClient(_http);
    }

    public string Address { get; }
    public RawMcpClient Mcp { get; }

    /// <summary>The lines the process wrote to standard output so far.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; private init; } = new();

    /// <param name="seed">The address of a running node to join; null: this process forms the cluster (and is its oldest member).</param>
    /// <param name="environment">More settings (a session store); <c>AKKA_CLUSTER_ENABLED=false</c> makes a single server.</param>
    public static async Task<ProcessNode> Start(string? seed, IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = LoopbackPorts.Distinct(2);
        int httpPort = ports[0], remotePort = ports[1];
        var settings = new Dictionary<string, string>
        {
            ["MCP_ECHO_HOST"] = "127.0.0.1",
            ["MCP_ECHO_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AKKA_CLUSTER_ENABLED"] = "true",
            ["AKKA_REMOTE_HOSTNAME"] = "127.0.0.1",
            ["AKKA_REMOTE_PORT"] = remotePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AKKA_CLUSTER_SEEDS"] = seed ?? "",
            ["ECHO_LOG_LEVEL"] = "WARNING",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            settings[name] = value;
        }
        var start = ServerProcess.StartInfo([], settings);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so the child never blocks on a full pipe; standard output is kept for tests that read the log.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                output.Enqueue(line.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new ProcessNode(process, httpPort, remotePort) { Output = output };
        try
        {
            await Eventually.Until(async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The node process exited with {process.ExitCode}");
                }
                try
                {
                    await node.Mcp.Health();
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, DateTime.UtcNow + TimeSpan.FromSeconds(60), "the node process to answer /health");
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// SIGSTOP: the process stops answering but its connections stay open, so calls sent to it now are surely in flight
    /// when it is killed.
    /// </summary>
    public void Freeze()
    {
        using var stop = Process.Start("kill", ["-STOP", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start");
        if (!stop.WaitForExit(5_000) || stop.ExitCode != 0)
        {
            throw new InvalidOperationException("kill -STOP failed");
        }
    }

    /// <summary>SIGKILL: no leave, no hand-off; the others learn of it from the dropped connection and the failure detector.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
