namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Puts an <see cref="McpReply"/> on the wire as application/json or as a one-event SSE stream.</summary>
internal static class ReplyWriter
{
    private static readonly byte[] EventPrefix = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventSuffix = "\n\n"u8.ToArray();

    public static async Task Write(HttpContext context, McpReply reply, bool eventStream)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        if (reply.NewSessionId is not null)
        {
            response.Headers[McpHeaders.SessionId] = reply.NewSessionId;
        }
        if (reply.Body is null)
        {
            response.ContentLength = 0;
            return;
        }
        if (eventStream && reply.Status == StatusCodes.Status200OK)
        {
            response.ContentType = McpHeaders.EventStream;
            response.Headers.CacheControl = "no-cache";
            await response.Body.WriteAsync(EventPrefix, context.RequestAborted);
            await response.Body.WriteAsync(reply.Body, context.RequestAborted);
            await response.Body.WriteAsync(EventSuffix, context.RequestAborted);
            return;
        }
        response.ContentType = McpHeaders.Json;
        response.ContentLength = reply.Body.Length;
        await response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }
}
