using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>Raw HTTP to /mcp with any headers, for the transport rules the SDK client never breaks.</summary>
internal static class RawMcp
{
    public const string BothTypes = "application/json, text/event-stream";

    public static HttpRequestMessage Request(HttpMethod method, string? json, string? sessionId = null,
        IEnumerable<(string Name, string Value)>? headers = null, string accept = BothTypes)
    {
        var request = new HttpRequestMessage(method, "/mcp");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }
        foreach (var (name, value) in headers ?? [])
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

    public static Task<HttpResponseMessage> Post(this EchoServerHost server, string json, string? sessionId,
        params (string Name, string Value)[] headers) =>
        server.Http.SendAsync(Request(HttpMethod.Post, json, sessionId, headers, "application/json, text/event-stream"));

    public static string InitializeJson(string version, int id = 1) =>
        $$"""{"jsonrpc":"2.0","id":{{id}},"method":"initialize","params":{"protocolVersion":"{{version}}","capabilities":{},"clientInfo":{"name":"protocol-test","version":"1.0"} } }""";

    /// <summary>Initializes a session whose client declares <paramref name="capabilitiesJson"/>; returns its id.</summary>
    public static async Task<string> InitializeWith(this EchoServerHost server, string version, string capabilitiesJson)
    {
        var json = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"" + version
            + "\",\"capabilities\":" + capabilitiesJson + ",\"clientInfo\":{\"name\":\"protocol-test\",\"version\":\"1.0\"}}}";
        using var response = await server.Post(json, null);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    public static string Ping(int id) => $$"""{"jsonrpc":"2.0","id":{{id}},"method":"ping"}""";

    /// <summary>The JSON body of a response answered as application/json.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonElement.Parse(await response.Content.ReadAsStringAsync());
    }

    public static async Task<int> ErrorCode(HttpResponseMessage response) =>
        (await Json(response)).GetProperty("error").GetProperty("code").GetInt32();
}
