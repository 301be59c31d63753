using System.Text.Json;
using AkkaMcpEcho.Actors.Fixtures;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// tools/call answered as an SSE stream, whatever the Accept preference, because messages come before the response:
/// when the request carries <c>_meta.progressToken</c>, and for the conformance fixture tools (logging, progress,
/// sampling and elicitation go to the client during the call). Events on these streams carry no SSE id: they are
/// not replayed, so a client never tries to resume them.
/// </summary>
internal sealed class StreamedCalls(SessionGateway sessions, SessionStreams streams, EchoSettings settings, ConformanceMode conformance)
{
    public bool Streams(string toolName, string? progressTokenJson) =>
        progressTokenJson is not null || (conformance.Enabled && FixtureTools.Find(toolName) is not null);

    public async Task<McpReply> Start(CallTool call, string requestIdJson, string? progressTokenJson, CancellationToken cancel)
    {
        var (stream, events) = streams.Open(settings.Profile.StreamBufferSize);
        try
        {
            var answer = await sessions.Ask(
                new StreamCall(call.SessionId, call, requestIdJson, progressTokenJson, stream, conformance.Enabled), cancel);
            if (answer is SessionTouched)
            {
                return McpReply.Streamed(stream, events);
            }
            SessionStreams.Close(stream);
            return McpReply.SessionNotFound(call.SessionId);
        }
        catch
        {
            SessionStreams.Close(stream);
            throw;
        }
    }

    /// <summary><c>params._meta.progressToken</c> as raw JSON when it is a string or an integer; null otherwise.</summary>
    public static string? ProgressToken(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object
        && parameters.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("progressToken", out var token)
        && (token.ValueKind == JsonValueKind.String || (token.ValueKind == JsonValueKind.Number && token.TryGetInt64(out _)))
            ? token.GetRawText()
            : null;
}
