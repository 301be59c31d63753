namespace AkkaMcpEcho.Tests.Support.Otlp;

/// <summary>Requests that carry W3C trace context: one in the <c>traceparent</c> header, another in <c>params._meta</c>.</summary>
public static class TracedRequests
{
    public const string HeaderTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    public const string HeaderSpanId = "00f067aa0ba902b7";
    public const string MetaTraceId = "0af7651916cd43dd8448eb211c80319c";
    public const string MetaSpanId = "b7ad6b7169203331";
    public const string HeaderTraceparent = "00-" + HeaderTraceId + "-" + HeaderSpanId + "-01";
    public const string MetaTraceparent = "00-" + MetaTraceId + "-" + MetaSpanId + "-01";
    private const string ModernMeta = "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}";

    /// <summary>A 2025 tools/call; with <paramref name="metaTraceparent"/> in its <c>_meta</c> when given.</summary>
    public static string SessionCall(long id, string tool, string argumentsJson = "{}", string? metaTraceparent = null) =>
        Requests.Request(id, "tools/call", "{\"name\":" + Requests.Json(tool) + ",\"arguments\":" + argumentsJson
            + (metaTraceparent is null ? "" : ",\"_meta\":" + MetaObject(metaTraceparent)) + "}");

    /// <summary>A 2026-07-28 tools/call with its routing headers, the header <paramref name="headerTraceparent"/> and the <c>_meta</c> one.</summary>
    public static HttpRequestMessage ModernCall(string tool, string? headerTraceparent, string? metaTraceparent, string argumentsJson = "{}")
    {
        var meta = "{" + ModernMeta + (metaTraceparent is null ? "" : ",\"traceparent\":" + Requests.Json(metaTraceparent)
            + ",\"tracestate\":\"echo=1\",\"baggage\":\"tenant=blue\"") + "}";
        var body = Requests.Request(7, "tools/call", "{\"name\":" + Requests.Json(tool) + ",\"arguments\":" + argumentsJson + ",\"_meta\":" + meta + "}");
        (string, string)[] headers = [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", tool),
            .. headerTraceparent is null ? [] : new[] { ("traceparent", headerTraceparent) }];
        return RawMcpClient.CreatePost(body, headers: headers);
    }

    private static string MetaObject(string traceparent) =>
        "{\"traceparent\":" + Requests.Json(traceparent) + ",\"tracestate\":\"echo=1\",\"baggage\":\"tenant=blue\"}";
}
