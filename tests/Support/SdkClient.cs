using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>The official MCP C# SDK client over the Streamable HTTP transport, and helpers to read its results.</summary>
public static class SdkClient
{
    /// <summary>
    /// The newest revision with sessions (initialize and Mcp-Session-Id). A client that asks for no version probes
    /// server/discover first and, where the server answers it, switches to the session-less 2026-07-28 revision.
    /// </summary>
    public const string SessionVersion = "2025-11-25";

    /// <param name="protocolVersion">
    /// The version to request, and the only one the client accepts; null lets the SDK probe server/discover and choose.
    /// </param>
    /// <param name="headers">Sent with every request.</param>
    public static Task<McpClient> Connect(RawMcpClient server, string? protocolVersion = SessionVersion,
        IDictionary<string, string>? headers = null, string name = "sdk-test", string version = "9.9", CancellationToken cancel = default)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = server.McpEndpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
            AdditionalHeaders = headers ?? new Dictionary<string, string>(),
        });
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = name, Version = version },
            ProtocolVersion = protocolVersion,
            InitializationTimeout = TimeSpan.FromSeconds(30),
        };
        return McpClient.CreateAsync(transport, options, cancellationToken: cancel);
    }

    public static async Task<CallToolResult> Call(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.CallToolAsync(tool, arguments ?? [], cancellationToken: timeout.Token);
    }

    /// <summary>The result's single text block.</summary>
    public static string Text(this CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    public static string[] Lines(this CallToolResult result) => result.Text().Split('\n');

    /// <summary><c>var (text, isError) = await client.Call(...)</c>.</summary>
    public static void Deconstruct(this CallToolResult result, out string text, out bool isError)
    {
        text = result.Text();
        isError = result.IsError ?? false;
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
