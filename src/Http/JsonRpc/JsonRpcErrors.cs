namespace AkkaMcpEcho.Http.JsonRpc;

/// <summary>JSON-RPC 2.0 error codes, and the implementation-defined ones MCP servers use for transport rejections.</summary>
internal static class JsonRpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int TransportError = -32000;
    public const int SessionNotFound = -32001;
}
