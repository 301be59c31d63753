using System.Net;
using System.Net.Http.Headers;
using AkkaMcpEcho.Http.Tests.Traffic;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>
/// An injected fault is labelled wherever it is observable: the Echo-Fault-Applied header, an info line in the log, and
/// the traffic page's record (even of a dropped connection, which has no header); the /faults API is guarded as the
/// traffic page is; MCP_FAULTS_ENABLED=false turns it all off.
/// </summary>
public sealed class FaultLabelTests
{
    [Fact]
    public async Task The_log_and_the_traffic_page_label_each_injected_fault()
    {
        await using var server = await EchoServerHost.StartCapturingLogs(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        var session = await server.Initialize();
        var marker = "labelled-" + Guid.NewGuid().ToString("N");

        var refused = await FaultRequests.Post(server, Requests.Echo(5, marker), session, "status=503; retry-after=2");
        await Assert.ThrowsAsync<HttpRequestException>(() => server.Http.SendAsync(
            RawMcpClient.CreatePost(Requests.Echo(6, marker + "-dropped"), session, headers: FaultRequests.Headers("drop", "2025-06-18"))));

        var recorded = await TrafficApi.Call(server.Http, marker + "\"");
        var dropped = await TrafficApi.Call(server.Http, marker + "-dropped");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("status=503; retry-after=2 (header)", recorded.GetProperty("fault").GetString());
        Assert.Equal("status=503; retry-after=2 (header)", TrafficApi.Header(recorded, "responseHeaders", "Echo-Fault-Applied"));
        Assert.Equal(("drop (header)", "dropped", 0), (dropped.GetProperty("fault").GetString(), dropped.GetProperty("end").GetString(),
            dropped.GetProperty("status").GetInt32()));
        Assert.Contains(server.Logs.All, line => line.StartsWith("Information AkkaMcpEcho.Http.Faults.FaultGate: Injected fault status=503; retry-after=2 (header) on POST tools/call", StringComparison.Ordinal));
        Assert.Contains(server.Logs.All, line => line.Contains("Injected fault drop (header) on POST tools/call", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exchange_without_a_fault_carries_no_label()
    {
        await using var server = await EchoServerHost.Start();
        var session = await server.Initialize();
        var marker = "plain-" + Guid.NewGuid().ToString("N");

        var response = await FaultRequests.Post(server, Requests.Echo(5, marker), session, null);

        Assert.Null(response.Header("Echo-Fault-Applied"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await TrafficApi.Call(server.Http, marker)).GetProperty("fault").ValueKind);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", HttpStatusCode.Unauthorized)]
    [InlineData("faults-token-of-this-test", HttpStatusCode.OK)]
    public async Task On_a_network_bind_the_faults_api_needs_the_traffic_pages_token(string? token, HttpStatusCode expected)
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_ECHO_HOST"] = "0.0.0.0",
            ["MCP_TRAFFIC_TOKEN"] = "faults-token-of-this-test",
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/faults");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer realm=\"faults\"", response.Headers.WwwAuthenticate.ToString());
            Assert.Contains("The /faults API", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task With_faults_disabled_the_header_is_ignored_the_api_is_absent_and_inject_fault_is_not_offered()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_FAULTS_ENABLED"] = "false",
            ["MCP_FAULTS_TOOL"] = "true",
        });
        var session = await RawSession.Start(server);

        var ignored = await FaultRequests.Post(server, Requests.Ping(5), session.Id, "status=503");
        using var api = await server.Http.GetAsync("/faults");
        var tools = await session.Request("tools/list");

        ignored.AssertResult("5");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(11, tools.AssertResult().GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task Inject_fault_is_listed_only_when_the_setting_is_on_in_both_generations()
    {
        await using var plain = await EchoServerHost.Start();
        await using var withTool = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_FAULTS_TOOL"] = "true" });

        foreach (var (server, count) in new[] { (plain, 11), (withTool, 12) })
        {
            var session = await RawSession.Start(server);
            var legacy = (await session.Request("tools/list")).AssertResult().GetProperty("tools");
            var modern = (await RpcResponse.Read(server.Http.SendAsync(FaultRequests.ModernList()))).AssertResult("7").GetProperty("tools");
            Assert.Equal(count, legacy.GetArrayLength());
            Assert.Equal(count, modern.GetArrayLength());
            var last = count == 12 ? "injectFault" : "whoIStheGOAT";
            Assert.Equal((last, last), (legacy[count - 1].GetProperty("name").GetString(), modern[count - 1].GetProperty("name").GetString()));
        }
    }
}
