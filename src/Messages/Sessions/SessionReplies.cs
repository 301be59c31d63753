namespace AkkaMcpEcho.Messages.Sessions;

public sealed record SessionStarted(string SessionId, string ProtocolVersion) : IWithSessionId, IEchoMessage;

/// <summary>The session does not exist (never issued, expired, or ended): HTTP answers 404.</summary>
public sealed record SessionNotFound(string SessionId) : IWithSessionId, IEchoMessage;

public sealed record SessionTouched(string SessionId, string ProtocolVersion) : IWithSessionId, IEchoMessage;

public sealed record SessionEnded(string SessionId) : IWithSessionId, IEchoMessage;

/// <summary>
/// The outcome of a tools/call. <paramref name="IsError"/> marks a tool execution error (a result with <c>isError: true</c>);
/// <paramref name="InvalidParams"/> marks arguments the negotiated protocol version wants reported as JSON-RPC -32602.
/// </summary>
public sealed record ToolCallReply(string SessionId, string Text, bool IsError, bool InvalidParams = false)
    : IWithSessionId, IEchoMessage;
