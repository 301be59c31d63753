using System.Text.Json;

namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>Starts a session whose id the registry already chose. Answered by <see cref="SessionCreation"/>.</summary>
public sealed record StartSession(string SessionId, string ProtocolVersion, ClientInfo Client, long CreatedUtcTicks,
    SessionKind Kind = SessionKind.Session) : IWithSessionId, IEchoMessage;

/// <summary>
/// A start whose answer came too late, so the node created the client's session under another id: the first, if it
/// started, goes away uncounted (it was never the client's). Told, never answered.
/// </summary>
public sealed record AbandonStart(string SessionId) : IWithSessionId, IEchoMessage;

/// <summary>A request that needs the session's existence and version, nothing else (ping, tools/list, notifications).</summary>
public sealed record TouchSession(string SessionId, string Method) : ISessionCommand<SessionTouched>;

/// <summary>
/// A tools/call answered as JSON. <paramref name="Arguments"/> is the request's <c>arguments</c> object (or {}).
/// <paramref name="ViaHandle"/>: a 2026-07-28 call naming a handle in its session argument (a handle answers only these,
/// and a session never does).
/// </summary>
public sealed record CallTool(string SessionId, string ToolName, JsonElement Arguments, RequestFacts Request, bool ViaHandle = false)
    : ISessionCommand<ToolCallReply>;

/// <summary>DELETE /mcp: the client ends its session.</summary>
public sealed record EndSession(string SessionId) : ISessionCommand<SessionEnded>;

/// <summary>logging/setLevel: the minimum level of <c>notifications/message</c> the session sends.</summary>
public sealed record SetLogLevel(string SessionId, string Level) : ISessionCommand<LogLevelSet>;
