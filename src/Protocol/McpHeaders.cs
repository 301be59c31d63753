namespace AkkaMcpEcho.Protocol;

/// <summary>The header names and media types of MCP's Streamable HTTP transport.</summary>
public static class McpHeaders
{
    public const string SessionId = "Mcp-Session-Id";
    public const string ProtocolVersion = "MCP-Protocol-Version";
    public const string LastEventId = "Last-Event-ID";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";
}
