using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>Builders of the messages, states and contexts the specs feed to sessions and tools.</summary>
public static class TestRequests
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static RequestFacts Facts(long? startedUtcTicks = null) =>
        new("POST", "/mcp", "127.0.0.1", startedUtcTicks ?? DateTime.UtcNow.Ticks, ImmutableArray<HeaderField>.Empty);

    public static CallTool Call(string sessionId, string tool, string argumentsJson = "{}") =>
        new(sessionId, tool, JsonElement.Parse(argumentsJson), Facts());

    public static CallTool Echo(string sessionId, string message) =>
        Call(sessionId, EchoTool.Definition.Name, JsonSerializer.Serialize(new { message }));

    /// <summary>A server message that carries <paramref name="paramsJson"/>, for specs that publish events.</summary>
    public static ServerNotification Note(string paramsJson) => new("notifications/test", paramsJson);

    /// <summary>The params of an event that <see cref="Note"/> made.</summary>
    public static string? ParamsOf(SessionEvent item) => Assert.IsType<ServerNotification>(item.Message).ParamsJson;

    /// <summary>The event's message as the protocol layer writes it.</summary>
    public static byte[] Written(SessionEvent item) => JsonRpcWriter.Write(item.Message!);

    public static ServerProfile Profile(TimeSpan? sessionTimeout = null, int maxSessions = 1000) =>
        ServerProfile.Default with
        {
            SessionTimeout = sessionTimeout ?? TimeSpan.FromMinutes(5),
            MaxSessions = maxSessions,
        };

    public static SessionState Session(string id = "s-1", ClientInfo? client = null) =>
        SessionState.Start(new StartSession(id, "2025-06-18", client ?? new ClientInfo("probe", "1.0"), Now.UtcTicks));

    public static ToolContext Context(SessionState session, string argumentsJson = "{}", int pendingEvents = 0) =>
        new(session, Facts(Now.UtcTicks), JsonElement.Parse(argumentsJson), ServerProfile.Default, Now, pendingEvents);
}
