using System.Buffers;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Wire;

/// <summary>
/// The only writer of the MCP endpoint's responses: whole answers as application/json or a one-event SSE stream,
/// streamed answers event by event, and keep-alives. Every frame goes through the request's taps on its way out.
/// </summary>
internal static class FrameWriter
{
    public static async Task Write(HttpContext context, McpReply reply, bool eventStream)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        if (reply.NewSessionId is not null)
        {
            response.Headers[McpHeaders.SessionId] = reply.NewSessionId;
            McpExchange.Of(context)?.SessionId = reply.NewSessionId;
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
        var asEvent = eventStream && reply.Status == StatusCodes.Status200OK;
        var frame = await Through(context, asEvent ? new TapFrame(FrameKind.Event, SseFrames.Event(reply.Body)) : new TapFrame(FrameKind.Json, reply.Body));
        if (asEvent)
        {
            response.ContentType = McpHeaders.EventStream;
            response.Headers.CacheControl = "no-cache";
        }
        else
        {
            response.ContentType = McpHeaders.Json;
            response.ContentLength = frame?.Bytes.Length ?? 0;
        }
        if (frame is not null)
        {
            await response.Body.WriteAsync(frame.Bytes, context.RequestAborted);
        }
    }

    /// <summary>Sends the headers of an SSE response at once, before any event.</summary>
    public static async Task StartEventStream(HttpContext context, CancellationToken cancel)
    {
        var response = context.Response;
        response.ContentType = McpHeaders.EventStream;
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancel);
        await response.BodyWriter.FlushAsync(cancel);
    }

    /// <summary>Writes one SSE event (the caller flushes).</summary>
    public static ValueTask Event(HttpContext context, SessionEvent item) => Write(context, new TapFrame(FrameKind.Event, SseFrames.Bytes(item)));

    public static ValueTask KeepAlive(HttpContext context, byte[] frame) => Write(context, new TapFrame(FrameKind.KeepAlive, frame));

    private static async ValueTask Write(HttpContext context, TapFrame frame)
    {
        if (await Through(context, frame) is { } passed)
        {
            context.Response.BodyWriter.Write(passed.Bytes);
        }
    }

    private static ValueTask<TapFrame?> Through(HttpContext context, TapFrame frame) =>
        McpExchange.Of(context) is { } exchange ? exchange.Taps.Frame(exchange, frame) : ValueTask.FromResult<TapFrame?>(frame);

    /// <summary>A streamed answer: each event as it comes; the stream ends when the call is over (or cancelled).</summary>
    private static async Task WriteStream(HttpContext context, McpReply reply)
    {
        var cancel = context.RequestAborted;
        try
        {
            await StartEventStream(context, cancel);
            await EventPump.Run(context, reply.Events!, reply.KeepAliveEvery ?? Timeout.InfiniteTimeSpan, _ => SseFrames.KeepAlive, null, cancel);
            if (reply.Final is { } final)
            {
                await Event(context, new SessionEvent(0, final));
                await context.Response.BodyWriter.FlushAsync(cancel);
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
                reply.Abandon?.Invoke();
            }
        }
    }
}
