using System.Text.Json;

namespace AkkaMcpEcho.Messages.Sessions;

/// <summary>Starts a session whose id the registry already chose. Answered by <see cref="SessionStarted"/>.</summary>
public sealed record StartSession(string SessionId, string ProtocolVersion, ClientInfo Client, long CreatedUtcTicks)
    : IWithSessionId, IEchoMessage;

/// <summary>Any request of a session that needs no tool (ping, tools/list, notifications). Answered by <see cref="SessionTouched"/>.</summary>
public sealed record TouchSession(string SessionId, string Method) : IWithSessionId, IEchoMessage;

/// <summary>A tools/call. <paramref name="Arguments"/> is the request's <c>arguments</c> object (or an empty object).</summary>
public sealed record CallTool(string SessionId, string ToolName, JsonElement Arguments, RequestFacts Request)
    : IWithSessionId, IEchoMessage;

/// <summary>DELETE /mcp: the client ends its session. Answered by <see cref="SessionEnded"/>.</summary>
public sealed record EndSession(string SessionId) : IWithSessionId, IEchoMessage;

/// <summary>logging/setLevel: the minimum level of <c>notifications/message</c> the session sends. Answered by <see cref="SessionTouched"/>.</summary>
public sealed record SetLogLevel(string SessionId, string Level) : IWithSessionId, IEchoMessage;
