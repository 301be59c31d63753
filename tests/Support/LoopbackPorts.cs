using System.Net;
using System.Net.Sockets;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// Ports for servers that a test starts in another process and must name before it binds. They are drawn below the
/// kernel's ephemeral range: a port taken from that range (bind to 0, then release) can be handed straight to another
/// test's listener or outgoing connection before the child binds it, and the child's /health is then answered by a stranger.
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10_000;

    /// <summary>A port free on 127.0.0.1 now and outside the range the kernel hands out by itself.</summary>
    public static int Free()
    {
        var below = EphemeralLow();
        for (var attempt = 0; below - Lowest > 1_000 && attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            if (IsFree(port))
            {
                return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><paramref name="count"/> different free ports.</summary>
    public static int[] Distinct(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(Free());
        }
        return [.. ports];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var low)
            ? low
            : 32_768;
    }
}
