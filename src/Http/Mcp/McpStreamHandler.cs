using System.Threading.Channels;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.JsonRpc;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// GET /mcp: the session's long-lived server-to-client SSE stream. Events come from the session actor through an
/// Akka.Streams source; a comment line goes out every keep-alive interval; the stream ends when the session ends
/// or the client goes. With <c>Last-Event-ID</c> the session first replays what it still holds after that id. Whenever
/// the client misses events (no longer held for a replay, dropped from the queue while no stream was open, or dropped by
/// the stream's own buffer because the client reads too slowly), <see cref="StreamGaps"/> says so before the next one.
/// </summary>
internal sealed class McpStreamHandler(
    SessionGateway sessions, SessionStreams streams, EchoSettings settings, KeepAlivePings pings, IHostApplicationLifetime lifetime)
{
    public async Task Handle(HttpContext context)
    {
        var request = context.Request;
        if (!McpHeaders.Negotiate(request.Headers.Accept).EventStream)
        {
            await Refuse(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: Client must accept text/event-stream");
            return;
        }
        if (SessionHeaders.Check(request, settings) is { } refusal)
        {
            await ReplyWriter.Write(context, refusal, eventStream: false);
            return;
        }
        var sessionId = request.Headers[McpHeaders.SessionId].ToString();
        var lastEventId = request.Headers[McpHeaders.LastEventId].ToString();
        var resume = LastEventIds.Parse(lastEventId);
        if (lastEventId.Length > 0 && resume is null)
        {
            await Refuse(context, StatusCodes.Status400BadRequest,
                $"Bad Request: Invalid Last-Event-ID '{lastEventId}': not an event id this server sends");
            return;
        }
        // Ends with the client or with the server's shutdown, which would otherwise wait out its timeout for this stream.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancel = ending.Token;
        var (stream, events) = streams.Open(settings.Profile.StreamBufferSize);
        try
        {
            object bind = resume switch
            {
                null => new AttachStream(sessionId, stream),
                { Call: { } call } => new ResumeCall(sessionId, call, resume.Sequence, stream),
                _ => new ResumeStream(sessionId, stream, resume.Sequence),
            };
            StreamAttached? attached = null;
            switch (await sessions.Ask(bind, cancel))
            {
                case SessionNotFound:
                    await ReplyWriter.Write(context, McpReply.SessionNotFound(sessionId), eventStream: false);
                    return;
                case ResumeRefused refused:
                    await Refuse(context, StatusCodes.Status400BadRequest, $"Bad Request: {refused.Reason}");
                    return;
                case StreamAttached bound:
                    attached = bound;
                    break;
            }
            var response = context.Response;
            response.ContentType = McpHeaders.EventStream;
            response.Headers.CacheControl = "no-cache, no-transform";
            response.Headers["X-Accel-Buffering"] = "no";
            response.Headers[McpHeaders.SessionId] = sessionId;
            await response.StartAsync(cancel);
            await response.BodyWriter.FlushAsync(cancel);
            await Pump(events, response, new StreamGaps(attached!.FirstEventId, attached.GapWarnings), cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
        finally
        {
            SessionStreams.Close(stream);
        }
    }

    private async Task Pump(ChannelReader<SessionEvent> events, HttpResponse response, StreamGaps gaps, CancellationToken cancel)
    {
        var output = response.BodyWriter;
        var streamKey = Guid.NewGuid().ToString("N")[..12];
        long keepAlives = 0;
        while (true)
        {
            bool more;
            // A fresh timer per wait: a source that has fired cannot be reset.
            using (var tick = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                tick.CancelAfter(settings.KeepAliveInterval);
                try
                {
                    more = await events.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    await output.WriteAsync(pings.Frame(streamKey, ++keepAlives), cancel);
                    continue;
                }
            }
            if (!more)
            {
                return;
            }
            while (events.TryRead(out var item))
            {
                if (gaps.Before(item) is { } marker)
                {
                    SseFrames.Write(output, marker);
                }
                SseFrames.Write(output, item);
            }
            await output.FlushAsync(cancel);
        }
    }

    private static Task Refuse(HttpContext context, int status, string message) =>
        ReplyWriter.Write(context, McpReply.Error(status, JsonRpcErrors.TransportError, message), eventStream: false);
}
