namespace AkkaMcpEcho.Protocol.JsonRpc;

/// <summary>
/// Every JSON-RPC error code the server sends: JSON-RPC 2.0's own, the implementation-defined ones MCP servers use for
/// transport rejections, and those MCP reserves.
/// </summary>
public static class JsonRpcErrors
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int TransportError = -32000;
    public const int SessionNotFound = -32001;

    /// <summary>2025 revisions: a resource that does not exist (2026-07-28 uses -32602 with data.uri instead).</summary>
    public const int ResourceNotFound = -32002;

    /// <summary>2026-07-28: an HTTP header does not match the request body, or a required one is missing or malformed.</summary>
    public const int HeaderMismatch = -32020;

    /// <summary>2026-07-28: the request needs a client capability the request's _meta did not declare.</summary>
    public const int MissingClientCapability = -32021;

    /// <summary>2026-07-28: the request's protocol version is not one this server serves.</summary>
    public const int UnsupportedProtocolVersion = -32022;
}
