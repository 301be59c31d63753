namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>
/// The answer to <c>CreateSession</c>: the new session's id and negotiated version, or, when <paramref name="SessionId"/>
/// is null, the session limit (<paramref name="RefusedAtLimit"/> active sessions) that refused it.
/// </summary>
public sealed record SessionCreation(string? SessionId, string ProtocolVersion, int RefusedAtLimit = 0) : IEchoMessage;

/// <summary>
/// The session exists; the version it negotiated. <paramref name="ToolsChanged"/>: a tools-changed fault is pending, so
/// this tools/list shows the changed tools.
/// </summary>
public sealed record SessionTouched(string ProtocolVersion, bool ToolsChanged = false);

/// <summary>The session has ended; its id answers "not found" from now on.</summary>
public sealed record SessionEnded(long LifetimeTicks);

/// <summary>The session's log level is now <paramref name="Level"/>.</summary>
public sealed record LogLevelSet(string Level);

/// <summary>
/// The outcome of a tools/call: the result's text, and <paramref name="IsError"/> for a tool execution error (a result
/// with <c>isError: true</c>); <paramref name="InvalidParams"/>: the negotiated version wants it reported as -32602.
/// <paramref name="StructuredJson"/>: the result's structuredContent (2026-07-28 calls), or null.
/// </summary>
public sealed record ToolCallReply(string Text, bool IsError, bool InvalidParams = false, string? StructuredJson = null);
