using System.Net;
using System.Text;

namespace AkkaMcpEcho.Http.Tests.DiagnosticTools;

/// <summary>The debug log has one line per MCP request, and client-supplied text cannot forge a line of its own.</summary>
public sealed class RequestLogTests
{
    private static readonly Dictionary<string, string?> Debug = new() { ["ECHO_LOG_LEVEL"] = "DEBUG" };

    [Fact]
    public async Task Every_request_logs_its_method_session_status_and_duration_at_debug()
    {
        await using var server = await LogCapturingServer.Start(Debug);
        using var http = new HttpClient { BaseAddress = server.McpEndpoint };
        var session = await Initialize(http);

        using (await Post(http, """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"}}}""", session))
        {
        }
        using (await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "") { Headers = { { "Mcp-Session-Id", session } } }))
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
        await using var server = await LogCapturingServer.Start(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        using var http = new HttpClient { BaseAddress = server.McpEndpoint };

        await Initialize(http);

        Assert.DoesNotContain(server.Lines.All, l => l.Contains("RequestLog", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tools/list\r\nInformation Forged: admin logged in")]
    [InlineData("tools/list\nInformation Forged: admin logged in")]
    [InlineData("tools/list\u2028Information Forged: admin logged in")]
    public async Task Line_breaks_in_client_text_are_escaped_in_the_log(string method)
    {
        await using var server = await LogCapturingServer.Start(Debug);
        using var http = new HttpClient { BaseAddress = server.McpEndpoint };
        var session = await Initialize(http);

        using var response = await Post(http, $$"""{"jsonrpc":"2.0","id":2,"method":{{Requests.Json(method)}}}""", session);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forged = await Eventually.Until(() => Task.FromResult(RequestLines(server).Where(l => l.Contains("Forged")).ToArray()),
            l => l.Length > 0, TimeSpan.FromSeconds(10), "the request's log line");
        var logged = Assert.Single(forged);
        Assert.DoesNotContain('\n', logged);
        Assert.DoesNotContain('\r', logged);
        Assert.DoesNotContain('\u2028', logged);
        Assert.Contains("tools/list\\", logged);
    }

    private static string[] RequestLines(LogCapturingServer server) =>
        server.Lines.All.Where(l => l.StartsWith("Debug AkkaMcpEcho.Http.Mcp.RequestLog", StringComparison.Ordinal)).ToArray();

    private static async Task<string> Initialize(HttpClient http)
    {
        using var response = await Post(http, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"log","version":"1"}}}""", null);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string json, string? session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }
        return http.SendAsync(request);
    }
}
