using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>Raw Streamable HTTP calls to one node, as a conforming MCP client sends them.</summary>
public sealed class McpClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> Post(string json, string? sessionId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }
        return http.SendAsync(request);
    }

    public async Task<string> Initialize(string clientName = "cluster-test")
    {
        using var response = await Post($$"""
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"{{clientName}}","version":"1.0"} } }
            """);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    /// <summary>A tools/call; the text of its first content item when the answer is 200 with a result.</summary>
    public async Task<(HttpStatusCode Status, string? Text)> CallTool(string sessionId, string tool, string argumentsJson = "{}")
    {
        using var response = await Post($$"""
            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"{{tool}}","arguments":{{argumentsJson}} } }
            """, sessionId);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null);
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var text = body.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        return (response.StatusCode, text);
    }

    public Task<(HttpStatusCode Status, string? Text)> Echo(string sessionId, string message) =>
        CallTool(sessionId, "echo", $$"""{"message":"{{JsonEncodedText.Encode(message, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}}"}""");

    public async Task<HttpStatusCode> SetLevel(string sessionId, string level)
    {
        using var response = await Post($$"""
            {"jsonrpc":"2.0","id":3,"method":"logging/setLevel","params":{"level":"{{level}}"} }
            """, sessionId);
        return response.StatusCode;
    }

    /// <summary>GET /mcp: the session's SSE stream, headers read, body still open.</summary>
    public async Task<HttpResponseMessage> OpenStream(string sessionId, CancellationToken cancel)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/mcp");
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        request.Headers.Add("Mcp-Session-Id", sessionId);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
    }

    public async Task<JsonDocument> Health()
    {
        using var response = await http.GetAsync("/health");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => http.Dispose();
}
