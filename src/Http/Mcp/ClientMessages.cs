using System.Text.Json;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// What the client sends that needs no answer: notifications (notifications/cancelled stops a streamed call in
/// flight) and responses to the server's own requests (routed to the call that asked). Both get 202, or 404.
/// </summary>
internal static class ClientMessages
{
    public static async Task<McpReply> Accept(SessionGateway sessions, JsonRpcMessage message, string sessionId, HttpContext context)
    {
        var cancel = context.RequestAborted;
        var found = message.Kind == JsonRpcKind.Response
            ? (await sessions.Ask(new ClientResponse(sessionId, message.IdJson ?? "null", message.Raw.GetRawText()), cancel)).Reply is not null
            : message.Method == "notifications/cancelled" && RequestId(message.Params) is { } requestId
                ? (await sessions.Ask(new CancelRequest(sessionId, requestId), cancel)).Reply is not null
                : (await sessions.Ask(new TouchSession(sessionId, message.Method ?? "response"), context)).Reply is not null;
        return found ? McpReply.Accepted : McpReply.SessionNotFound(sessionId);
    }

    private static string? RequestId(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("requestId", out var id)
        && (id.ValueKind == JsonValueKind.String || (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out _)))
            ? id.GetRawText()
            : null;
}
