using AkkaMcpEcho.Http.Streams;

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
        if (reply.Events is not null)
        {
            await WriteStream(context, reply);
            return;
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

    /// <summary>A streamed answer: each event as it comes; the stream ends when the call is over (or cancelled).</summary>
    private static async Task WriteStream(HttpContext context, McpReply reply)
    {
        var response = context.Response;
        var cancel = context.RequestAborted;
        try
        {
            response.ContentType = McpHeaders.EventStream;
            response.Headers.CacheControl = "no-cache, no-transform";
            response.Headers["X-Accel-Buffering"] = "no";
            await response.StartAsync(cancel);
            var output = response.BodyWriter;
            while (await reply.Events!.WaitToReadAsync(cancel))
            {
                while (reply.Events.TryRead(out var item))
                {
                    SseFrames.Write(output, item);
                }
                await output.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client went away; the call goes on (a disconnect is not a cancellation) but nobody reads it.
        }
        finally
        {
            if (!reply.Events!.Completion.IsCompleted)
            {
                SessionStreams.Close(reply.EventSource!);
            }
        }
    }
}
