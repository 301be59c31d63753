using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests;

/// <summary>The official MCP C# SDK client over the Streamable HTTP transport, and helpers to read its results.</summary>
public static class SdkClient
{
    public static Task<McpClient> Connect(EchoServerHost server, string name = "sdk-test", string version = "9.9",
        string? protocolVersion = null, CancellationToken cancel = default)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
        });
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = name, Version = version },
            ProtocolVersion = protocolVersion,
            InitializationTimeout = TimeSpan.FromSeconds(30),
        };
        return McpClient.CreateAsync(transport, options, cancellationToken: cancel);
    }

    public static async Task<(string Text, bool IsError)> Call(this McpClient client, string tool,
        Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? []);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        return (text, result.IsError ?? false);
    }

    public static async Task<string> Echo(this McpClient client, string message, bool uppercase = false)
    {
        var arguments = new Dictionary<string, object?> { ["message"] = message };
        if (uppercase)
        {
            arguments["uppercase"] = true;
        }
        var (text, isError) = await client.Call("echo", arguments);
        Assert.False(isError, text);
        return text;
    }
}
