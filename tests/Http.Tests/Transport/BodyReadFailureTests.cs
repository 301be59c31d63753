using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>
/// Bodies Kestrel itself cannot read (broken chunked framing, data that stops arriving) and request lines it refuses:
/// a client error with a JSON-RPC body, never a 500, and never an error-level log line a client could flood.
/// </summary>
public sealed class BodyReadFailureTests
{
    private const string PostHead = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n";

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n")]
    [InlineData("zz\r\nabc\r\n0\r\n\r\n")]
    [InlineData("3\r\nabcdef\r\n0\r\n\r\n")]
    public async Task A_chunked_body_with_broken_framing_is_400_with_a_json_rpc_error(string chunks)
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?>());

        var (status, body) = await Exchange(server.McpEndpoint, PostHead + "Transfer-Encoding: chunked\r\n\r\n" + chunks);

        Assert.Equal(400, status);
        var error = JsonElement.Parse(body).GetProperty("error");
        Assert.Equal(-32000, error.GetProperty("code").GetInt32());
        Assert.Contains("body could not be read", error.GetProperty("message").GetString());
        Assert.DoesNotContain(server.Logs.All, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_408()
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?>());

        // Kestrel's minimum body data rate (240 bytes/s after a 5 s grace period) ends the wait.
        var (status, body) = await Exchange(server.McpEndpoint, PostHead + "Content-Length: 100\r\n\r\n{\"a\":1}", TimeSpan.FromSeconds(30));

        Assert.Equal(408, status);
        Assert.Contains("too slowly", JsonElement.Parse(body).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Many_unreadable_bodies_log_one_warning_and_no_error_and_the_server_serves_on()
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?>());
        await using var client = await SdkClient.Connect(server);
        await client.Call("echo", new() { ["message"] = "before" });

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(400, (await Exchange(server.McpEndpoint, PostHead + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n")).Status);
        }

        Assert.DoesNotContain(server.Logs.All, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Single(server.Logs.All, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("could not be read"));
        Assert.Equal(20, server.Logs.All.Count(line => line.StartsWith("Debug", StringComparison.Ordinal) && line.Contains("Request body unreadable (400)")));
        Assert.Contains("Echo count in session: 2", (await client.Call("echo", new() { ["message"] = "after" })).Text());
    }

    /// <summary>Kestrel answers these before the application runs; documented in the README.</summary>
    [Theory]
    [InlineData("HTTP/2.0")]
    [InlineData("HTTP/1.2")]
    [InlineData("HTTX/1.1")]
    public async Task An_unsupported_or_malformed_http_version_is_505_never_500(string version)
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?>());

        var (status, _) = await Exchange(server.McpEndpoint, $"POST /mcp {version}\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Equal(505, status);
    }

    /// <summary>Sends raw bytes on a new connection and reads the status and body until the server closes or the deadline.</summary>
    private static async Task<(int Status, string Body)> Exchange(Uri endpoint, string request, TimeSpan? timeout = null)
    {
        using var client = new TcpClient();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        await client.ConnectAsync(endpoint.Host, endpoint.Port, deadline.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), deadline.Token);
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (await stream.ReadAsync(buffer, deadline.Token) is var read and > 0)
        {
            received.Write(buffer, 0, read);
            if (Complete(Encoding.UTF8.GetString(received.ToArray())) is { } done)
            {
                return done;
            }
        }
        return Complete(Encoding.UTF8.GetString(received.ToArray())) ?? throw new EndOfStreamException("no complete response");
    }

    private static (int Status, string Body)? Complete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }
        var head = text[..end].Split("\r\n");
        var length = head.Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = text[(end + 4)..];
        return Encoding.UTF8.GetByteCount(body) < length ? null : (int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), body);
    }
}
