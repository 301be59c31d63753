using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>DELETE /mcp: the client ends its session; the session's stream completes and later use answers 404.</summary>
internal sealed class McpDeleteHandler(SessionGateway sessions, EchoSettings settings)
{
    public async Task Handle(HttpContext context)
    {
        await McpExchange.Requested(context, null);
        if (SessionHeaders.Check(context.Request, settings) is { } refusal)
        {
            await FrameWriter.Write(context, refusal, eventStream: false);
            return;
        }
        var sessionId = context.Request.Headers[McpHeaders.SessionId].ToString();
        var answer = await sessions.Ask(new EndSession(sessionId), context.RequestAborted);
        if (answer.Reply is not null)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentLength = 0;
            return;
        }
        await FrameWriter.Write(context, McpReply.SessionNotFound(sessionId), eventStream: false);
    }
}
