using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// A tools/call answered as an SSE stream (<c>ToolCatalog.Streams</c> decides which): the session's call runner
/// feeds the stream, which ends with the call's response.
/// </summary>
internal sealed class StreamedCalls(SessionGateway sessions, SessionStreams streams, EchoSettings settings)
{
    public async Task<McpReply> Start(CallTool call, string requestIdJson, string? progressTokenJson, HttpContext context)
    {
        var (stream, events) = streams.Open(settings.Profile.StreamBufferSize);
        try
        {
            var answer = await sessions.Ask(new StreamCall(call, requestIdJson, progressTokenJson, stream), context);
            if (answer.Reply is not null)
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
