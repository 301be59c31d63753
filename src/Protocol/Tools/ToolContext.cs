using System.Text.Json;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// Everything a tool may read: the session's state, the HTTP request's facts, the validated arguments,
/// the server's profile, the clock, and the host's measurements and configuration. Tools are pure functions of this.
/// </summary>
public sealed record ToolContext(
    SessionState Session,
    RequestFacts Request,
    JsonElement Arguments,
    ServerProfile Server,
    DateTimeOffset Now,
    int PendingEvents = 0,
    RegistryStats? Registry = null)
{
    /// <summary>Process measurements and configuration, captured by the caller for the tools that read them.</summary>
    public HostFacts Host { get; init; } = HostFacts.Unavailable;

    public string? String(string name) =>
        Arguments.ValueKind == JsonValueKind.Object
        && Arguments.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public bool Flag(string name) =>
        Arguments.ValueKind == JsonValueKind.Object
        && Arguments.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.True;
}

/// <summary>
/// A tool's answer and the session state after it. <see cref="IsError"/>: a tool execution error (isError result);
/// <see cref="InvalidArguments"/>: the arguments broke the schema.
/// </summary>
public sealed record ToolResult(string Text, SessionState Session, bool IsError = false, bool InvalidArguments = false)
{
    /// <summary>The result's structuredContent (2026-07-28 calls of tools that keep state), or null.</summary>
    public string? StructuredJson { get; init; }

    public static ToolResult Ok(string text, SessionState session) => new(text, session);

    public static ToolResult Error(string text, SessionState session) => new(text, session, IsError: true);

    public static ToolResult Invalid(string text, SessionState session) =>
        new(text, session, IsError: true, InvalidArguments: true);
}
