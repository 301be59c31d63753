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
    /// <remarks>Not async: the await is in <see cref="Found{TReply}"/>, whose frame holds a task and an id, not the message.</remarks>
    public static Task<McpReply> Accept(SessionGateway sessions, JsonRpcMessage message, string sessionId, HttpContext context)
    {
        var cancel = context.RequestAborted;
        return message.Kind == JsonRpcKind.Response
            ? Found(sessions.Ask(new ClientResponse(sessionId, message.IdJson ?? "null", message.Raw.GetRawText()), cancel), sessionId)
            : message.Method == "notifications/cancelled" && RequestId(message.Params) is { } requestId
                ? Found(sessions.Ask(new CancelRequest(sessionId, requestId), cancel), sessionId)
                : Found(sessions.Ask(new TouchSession(sessionId, message.Method ?? "response"), context), sessionId);
    }

    private static async Task<McpReply> Found<TReply>(Task<SessionAnswer<TReply>> asked, string sessionId) where TReply : class =>
        (await asked).Reply is not null ? McpReply.Accepted : McpReply.SessionNotFound(sessionId);

    private static string? RequestId(JsonElement parameters) =>
        parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty("requestId", out var id)
        && (id.ValueKind == JsonValueKind.String || (id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out _)))
            ? id.GetRawText()
            : null;
}
