using System.Net;
using System.Text.RegularExpressions;

namespace AkkaMcpEcho.Http.Tests.Telemetry;

/// <summary>GET /metrics (on by default on a loopback bind): the MCP histograms and counters with their labels.</summary>
public sealed class PrometheusTests
{
    [Fact]
    public async Task The_scrape_shows_the_operation_and_session_histograms_with_their_labels()
    {
        await using var server = await EchoServerHost.Start();
        var session = await RawSession.Start(server);
        for (var i = 0; i < 3; i++)
        {
            using var call = await server.Post(Requests.Echo(i + 2, $"scraped {i}"), session.Id, ("MCP-Protocol-Version", "2025-06-18"));
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }
        await session.CallTool("noSuchTool");
        await session.Delete();
        using var refused = await server.Post(Requests.Ping(1), null, contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);

        var scrape = await Eventually.Until(() => server.Http.GetStringAsync("/metrics"),
            text => text.Contains("mcp_server_session_duration_seconds_count") && text.Contains("mcp_echo_requests_rejected"),
            TimeSpan.FromSeconds(10), "the scrape to show the session's end");

        var echo = Series(scrape, "mcp_server_operation_duration_seconds_count", "gen_ai_tool_name=\"echo\"",
            "mcp_method_name=\"tools/call\"", "mcp_protocol_version=\"2025-06-18\"", "network_transport=\"tcp\"", "gen_ai_operation_name=\"execute_tool\"");
        Assert.DoesNotContain("mcp_session_id", echo.Labels);
        Assert.True(echo.Value >= 3, $"{echo.Value} echo calls counted");
        Assert.Contains("le=\"0.01\"", Series(scrape, "mcp_server_operation_duration_seconds_bucket", "gen_ai_tool_name=\"echo\"").Labels);
        Assert.True(Series(scrape, "mcp_server_operation_duration_seconds_count", "error_type=\"-32602\"").Value >= 1);
        Assert.True(Series(scrape, "mcp_server_operation_duration_seconds_count", "mcp_method_name=\"initialize\"").Value >= 1);
        Assert.True(Series(scrape, "mcp_server_session_duration_seconds_count", "mcp_session_kind=\"session\"").Value >= 1);
        Assert.True(Series(scrape, "mcp_echo_requests_rejected_total", "reason=\"unsupported_media_type\"").Value >= 1);
        Assert.Contains("http_server_request_duration_seconds_count", scrape);
        // The runtime's meter: what the benchmark reads to report bytes allocated per request.
        Assert.True(Series(scrape, "dotnet_gc_heap_total_allocated_bytes_total", "otel_scope_name=\"System.Runtime\"").Value > 0);
    }

    [Fact]
    public async Task Prometheus_is_off_when_the_setting_says_so()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_METRICS_PROMETHEUS"] = "false" });

        using var response = await server.Http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>
    /// The first series of <paramref name="metric"/> with every one of <paramref name="labels"/>. The meter is the
    /// process's, so servers other tests run at once may add series of their own; these are this test's.
    /// </summary>
    private static (string Labels, double Value) Series(string scrape, string metric, params string[] labels)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(l.Contains))
            ?? throw new Xunit.Sdk.XunitException($"no {metric} with {string.Join(", ", labels)} in:\n{scrape}");
        var match = Regex.Match(line, @"^[^{]+(\{.*\}) (\S+)");
        return (match.Groups[1].Value, double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
