using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>A server node in its own OS process (the built AkkaMcpEcho.dll), so that it can be killed hard.</summary>
public sealed class ProcessNode : IAsyncDisposable
{
    private readonly Process _process;

    private ProcessNode(Process process, int httpPort, int remotePort)
    {
        _process = process;
        Address = $"akka.tcp://akka-mcp-echo@127.0.0.1:{remotePort}";
        Mcp = new McpClient(new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        });
    }

    public string Address { get; }
    public McpClient Mcp { get; }

    /// <param name="seed">The address of a running node to join; null: this process forms the cluster (and is its oldest member).</param>
    public static async Task<ProcessNode> Start(string? seed)
    {
        int httpPort = FreePort(), remotePort = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "AkkaMcpEcho.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MCP_ECHO_HOST"] = "127.0.0.1";
        start.Environment["MCP_ECHO_PORT"] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AKKA_CLUSTER_ENABLED"] = "true";
        start.Environment["AKKA_REMOTE_HOSTNAME"] = "127.0.0.1";
        start.Environment["AKKA_REMOTE_PORT"] = remotePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["AKKA_CLUSTER_SEEDS"] = seed ?? "";
        start.Environment["ECHO_LOG_LEVEL"] = "WARNING";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Drain the output so the child never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new ProcessNode(process, httpPort, remotePort);
        try
        {
            await TestCluster.Until(DateTime.UtcNow + TimeSpan.FromSeconds(60), async () =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The node process exited with {process.ExitCode}");
                }
                try
                {
                    using var health = await node.Mcp.Health();
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the node process to answer /health");
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
        Mcp.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
