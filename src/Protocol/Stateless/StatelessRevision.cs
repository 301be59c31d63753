namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>The names the 2026-07-28 revision adds: request metadata keys, routing headers, methods.</summary>
public static class StatelessRevision
{
    public const string MetaProtocolVersion = "io.modelcontextprotocol/protocolVersion";
    public const string MetaClientCapabilities = "io.modelcontextprotocol/clientCapabilities";
    public const string MetaClientInfo = "io.modelcontextprotocol/clientInfo";
    public const string MetaLogLevel = "io.modelcontextprotocol/logLevel";
    public const string MetaServerInfo = "io.modelcontextprotocol/serverInfo";
    public const string MetaSubscriptionId = "io.modelcontextprotocol/subscriptionId";

    public const string MethodHeader = "Mcp-Method";
    public const string NameHeader = "Mcp-Name";
    public const string ParamHeaderPrefix = "Mcp-Param-";

    /// <summary>Methods of the session revisions that 2026-07-28 removed: 404 -32601, so clients can tell the eras apart.</summary>
    public static readonly IReadOnlySet<string> Removed = new HashSet<string>(StringComparer.Ordinal)
    {
        "initialize", "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe",
        "notifications/initialized",
    };

    /// <summary>The methods whose request must also carry <c>Mcp-Name</c>, and the params member it mirrors.</summary>
    public static string? NamedBy(string method) => method switch
    {
        "tools/call" or "prompts/get" => "name",
        "resources/read" => "uri",
        _ => null,
    };

    /// <summary>
    /// Which rules serve a request. The stateless ones: when its MCP-Protocol-Version names a stateless revision (any
    /// session id is then ignored, as the revision says); without a session id, when the header names an unknown
    /// version (so the client learns which are supported) or when the request is server/discover or carries the
    /// revision's metadata. Everything else keeps the session rules (a 2025-03-26 client sends no version header at all).
    /// </summary>
    public static bool Serves(string? versionHeader, bool hasSessionId, string? method, bool hasStatelessMeta) =>
        IsStatelessRevision(versionHeader)
        || (!hasSessionId && (versionHeader is { Length: > 0 } version && !ProtocolVersions.IsSessionRevision(version)
            || method == "server/discover" || hasStatelessMeta));

    /// <summary>Whether a version header names a stateless revision this server knows.</summary>
    public static bool IsStatelessRevision(string? version) =>
        version is { Length: > 0 } && ProtocolVersions.All.Contains(version) && !ProtocolVersions.IsSessionRevision(version);
}
