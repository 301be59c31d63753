using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// Raw Streamable HTTP to one server's /mcp: requests with exactly the headers a test chooses, for the transport rules the
/// SDK client never breaks, and answers read whatever their status. Whoever made the <see cref="HttpClient"/> disposes it.
/// </summary>
public class RawMcpClient(HttpClient http)
{
    public const string BothTypes = "application/json, text/event-stream";
    private long _nextId = 100;

    public HttpClient Http => http;
    public Uri BaseAddress => http.BaseAddress ?? throw new InvalidOperationException("The client has no base address");
    public Uri McpEndpoint => new(BaseAddress, "/mcp");

    /// <summary>
    /// A POST to /mcp as a conforming client sends it. A null <paramref name="accept"/> or <paramref name="contentType"/>
    /// leaves that header out; <paramref name="headers"/> are added as given (a "Host" replaces the host).
    /// </summary>
    public static HttpRequestMessage CreatePost(string json, string? sessionId = null, string? accept = BothTypes,
        string? contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = CreateRequest(HttpMethod.Post, sessionId, accept, headers);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return request;
    }

    /// <summary>A request to /mcp without a body (GET, DELETE, PUT, ...), with an optional session id, Accept and more headers.</summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, string? sessionId = null, string? accept = null,
        params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, "/mcp");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        if (sessionId is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Session-Id", sessionId);
        }
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        return request;
    }

    /// <summary>A POST to /mcp with the headers a conforming client sends; <paramref name="sessionId"/> when known.</summary>
    public Task<HttpResponseMessage> Post(string json, string? sessionId = null, string accept = BothTypes,
        string contentType = "application/json") =>
        http.SendAsync(CreatePost(json, sessionId, accept, contentType));

    /// <summary>A POST to /mcp with more headers.</summary>
    public Task<HttpResponseMessage> Post(string json, string? sessionId, params (string Name, string Value)[] headers) =>
        http.SendAsync(CreatePost(json, sessionId, headers: headers));

    /// <summary>DELETE /mcp for <paramref name="sessionId"/> (none when null).</summary>
    public Task<HttpResponseMessage> Delete(string? sessionId) => http.SendAsync(CreateRequest(HttpMethod.Delete, sessionId));

    /// <summary>GET /health, parsed; throws <see cref="HttpRequestException"/> unless it answers 2xx.</summary>
    public async Task<JsonElement> Health()
    {
        using var response = await http.GetAsync("/health");
        response.EnsureSuccessStatusCode();
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Initializes a session with a raw POST and returns its id.</summary>
    public async Task<string> Initialize(string protocolVersion = "2025-06-18", string clientName = "raw", string capabilitiesJson = "{}")
    {
        using var response = await Post(Requests.Initialize(1, protocolVersion, clientName, capabilitiesJson));
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    /// <summary>The request <paramref name="body"/> builds for a fresh id, on a session; the answer knows that id.</summary>
    public async Task<RpcResponse> Request(string? sessionId, Func<long, string> body)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = await RpcResponse.Read(Post(body(id), sessionId));
        return response with { SentIdJson = id.ToString(CultureInfo.InvariantCulture) };
    }

    public Task<RpcResponse> Request(string? sessionId, string method, string? paramsJson = null) =>
        Request(sessionId, id => Requests.Request(id, method, paramsJson));

    public Task<RpcResponse> CallTool(string? sessionId, string tool, string argumentsJson = "{}") =>
        Request(sessionId, id => Requests.CallTool(id, tool, argumentsJson));

    public Task<RpcResponse> Echo(string? sessionId, string message) => Request(sessionId, id => Requests.Echo(id, message));

    /// <summary>Sends <paramref name="request"/> and reads its answer as an event stream, from when its headers arrive.</summary>
    public async Task<SseReader> Stream(HttpRequestMessage request, CancellationToken cancel = default)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        return new SseReader(response, await response.Content.ReadAsStreamAsync(cancel));
    }

    /// <summary>GET /mcp: the session's event stream, with more headers (Last-Event-ID, ...).</summary>
    public Task<SseReader> OpenStream(string sessionId, CancellationToken cancel = default, params (string Name, string Value)[] headers) =>
        Stream(CreateRequest(HttpMethod.Get, sessionId, "text/event-stream", headers), cancel);
}
