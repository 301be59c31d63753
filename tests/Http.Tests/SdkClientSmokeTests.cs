using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests;

public sealed class SdkClientSmokeTests
{
    [Fact]
    public async Task The_official_client_initializes_and_echoes()
    {
        await using var server = await EchoServerHost.Start();
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        });
        await using var client = await McpClient.CreateAsync(transport);

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "hi" });

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("hi\nSession: ", text);
        Assert.EndsWith("Echo count in session: 1", text);
    }
}
