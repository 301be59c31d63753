using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AkkaMcpEcho.Http.Tests.DiagnosticTools;

/// <summary>An official SDK client connected to a test server, sending the given headers with every request.</summary>
internal static class SdkSession
{
    public static Task<McpClient> Connect(Uri endpoint, IDictionary<string, string>? headers = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers ?? new Dictionary<string, string>(),
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return McpClient.CreateAsync(transport, cancellationToken: timeout.Token);
    }

    public static async Task<CallToolResult> Call(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.CallToolAsync(tool, arguments ?? [], cancellationToken: timeout.Token);
    }

    public static string Text(this CallToolResult result) =>
        Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    public static string[] Lines(this CallToolResult result) => result.Text().Split('\n');
}
