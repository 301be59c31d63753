using System.Net;
using System.Net.Http.Headers;

namespace AkkaMcpEcho.Http.Tests.Traffic;

/// <summary>The page shows headers: free on a loopback bind, behind MCP_TRAFFIC_TOKEN on a network bind.</summary>
public sealed class TrafficAccessTests
{
    private const string Secret = "traffic-token-of-this-test";

    [Theory]
    [InlineData("/traffic/api/exchanges")]
    [InlineData("/traffic/jsonl")]
    [InlineData("/traffic/har")]
    public async Task A_loopback_bind_serves_the_traffic_freely(string path)
    {
        await using var server = await EchoServerHost.Start();

        using var response = await server.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_network_bind_without_a_configured_token_answers_401_and_says_how_to_open_it()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_ECHO_HOST"] = "0.0.0.0" });

        using var response = await server.Http.GetAsync("/traffic/api/exchanges");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"traffic\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("MCP_TRAFFIC_TOKEN", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer wrong-token", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData("Bearer " + Secret + "x", null, HttpStatusCode.Unauthorized)]
    [InlineData("Bearer " + Secret, null, HttpStatusCode.OK)]
    [InlineData(null, Secret, HttpStatusCode.OK)]
    public async Task A_network_bind_with_a_token_serves_only_who_presents_it(string? authorization, string? query, HttpStatusCode expected)
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?>
        {
            ["MCP_ECHO_HOST"] = "0.0.0.0",
            ["MCP_TRAFFIC_TOKEN"] = Secret,
        });
        var session = await server.Initialize();
        var request = new HttpRequestMessage(HttpMethod.Get, "/traffic/jsonl" + (query is null ? "" : "?token=" + query));
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, (await response.Content.ReadAsStringAsync()).Contains(session, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rebound_host_name_is_refused_as_on_mcp()
    {
        await using var server = await EchoServerHost.Start();
        var request = new HttpRequestMessage(HttpMethod.Get, "/traffic/api/exchanges");
        request.Headers.Host = "attacker.example";

        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
