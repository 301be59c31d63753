using System.Threading.Channels;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;

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
        await McpExchange.Requested(context, null);
        if (!ContentNegotiation.Negotiate(request.Headers.Accept).EventStream)
        {
            await Refuse(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: Client must accept text/event-stream");
            return;
        }
        if (SessionHeaders.Check(request, settings) is { } refusal)
        {
            await FrameWriter.Write(context, refusal, eventStream: false);
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
            ISessionCommand<StreamBound> bind = resume switch
            {
                null => new AttachStream(sessionId, stream),
                { Call: { } call } => new ResumeCall(sessionId, call, resume.Sequence, stream),
                _ => new ResumeStream(sessionId, stream, resume.Sequence),
            };
            var bound = (await sessions.Ask(bind, cancel)).Reply;
            if (bound is null)
            {
                await FrameWriter.Write(context, McpReply.SessionNotFound(sessionId), eventStream: false);
                return;
            }
            if (bound.Refused is { } reason)
            {
                await Refuse(context, StatusCodes.Status400BadRequest, $"Bad Request: {reason}");
                return;
            }
            context.Response.Headers[McpHeaders.SessionId] = sessionId;
            await FrameWriter.StartEventStream(context, cancel);
            var gaps = new StreamGaps(bound.FirstEventId, bound.GapWarnings);
            var streamKey = Guid.NewGuid().ToString("N")[..12];
            await EventPump.Run(context, events, settings.KeepAliveInterval, count => pings.Frame(streamKey, count), gaps.Before, cancel);
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

    private static Task Refuse(HttpContext context, int status, string message) =>
        FrameWriter.Write(context, McpReply.Error(status, JsonRpcErrors.TransportError, message), eventStream: false);
}
