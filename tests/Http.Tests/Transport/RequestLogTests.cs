using System.Net;

namespace AkkaMcpEcho.Http.Tests.Transport;

/// <summary>The debug log has one line per MCP request, and client-supplied text cannot forge a line of its own.</summary>
public sealed class RequestLogTests
{
    private static readonly Dictionary<string, string?> Debug = new() { ["ECHO_LOG_LEVEL"] = "DEBUG" };

    [Fact]
    public async Task Every_request_logs_its_method_session_status_and_duration_at_debug()
    {
        await using var server = await EchoServerHost.StartCapturingLogs(Debug);
        var session = await server.Initialize(clientName: "log");

        using (await server.Post(Requests.Echo(2, "hi"), session))
        {
        }
        using (await server.Delete(session))
        {
        }

        // Each line is written once the response has gone out.
        var lines = await Eventually.Until(() => Task.FromResult(RequestLines(server)), l => l.Length >= 3, TimeSpan.FromSeconds(10),
            "three request log lines");
        Assert.Contains(lines, l => l.Contains($"POST /mcp initialize session={session} -> 200 in "));
        Assert.Contains(lines, l => l.Contains($"POST /mcp tools/call session={session} -> 200 in "));
        Assert.Contains(lines, l => l.Contains($"DELETE /mcp - session={session} -> 200 in "));
    }

    [Fact]
    public async Task The_request_log_is_silent_at_the_default_level()
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });

        await server.Initialize(clientName: "log");

        Assert.DoesNotContain(server.Logs.All, l => l.Contains("RequestLog", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tools/list\r\nInformation Forged: admin logged in")]
    [InlineData("tools/list\nInformation Forged: admin logged in")]
    [InlineData("tools/list\u2028Information Forged: admin logged in")]
    public async Task Line_breaks_in_client_text_are_escaped_in_the_log(string method)
    {
        await using var server = await EchoServerHost.StartCapturingLogs(Debug);
        var session = await server.Initialize(clientName: "log");

        using var response = await server.Post(Requests.Request(2, method), session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forged = await Eventually.Until(() => Task.FromResult(RequestLines(server).Where(l => l.Contains("Forged")).ToArray()),
            l => l.Length > 0, TimeSpan.FromSeconds(10), "the request's log line");
        var logged = Assert.Single(forged);
        Assert.DoesNotContain('\n', logged);
        Assert.DoesNotContain('\r', logged);
        Assert.DoesNotContain('\u2028', logged);
        Assert.Contains("tools/list\\", logged);
    }

    private static string[] RequestLines(EchoServerHost server) =>
        server.Logs.All.Where(l => l.StartsWith("Debug AkkaMcpEcho.Http.Mcp.RequestLog", StringComparison.Ordinal)).ToArray();
}
