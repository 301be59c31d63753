using System.Text.Json;
using AkkaMcpEcho.Http.JsonRpc;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// What the client sends that needs no answer: notifications (notifications/cancelled stops a streamed call in
/// flight) and responses to the server's own requests (routed to the call that asked). Both get 202, or 404.
/// </summary>
internal static class ClientMessages
{
    public static async Task<McpReply> Accept(SessionGateway sessions, JsonRpcMessage message, string sessionId, CancellationToken cancel)
    {
        object command = message.Kind == JsonRpcKind.Response
            ? new ClientResponse(sessionId, message.IdJson ?? "null", message.Raw.GetRawText())
            : message.Method == "notifications/cancelled" && RequestId(message.Params) is { } requestId
                ? new CancelRequest(sessionId, requestId)
                : new TouchSession(sessionId, message.Method ?? "response");
        var answer = await sessions.Ask(command, cancel);
        return answer is SessionNotFound ? McpReply.SessionNotFound(sessionId) : McpReply.Accepted;
    }

    private static string? RequestId(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("requestId", out var id)
        && (id.ValueKind == JsonValueKind.String || (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out _)))
            ? id.GetRawText()
            : null;
}
