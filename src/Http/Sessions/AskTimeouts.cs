using Akka.Actor;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Sessions;

/// <summary>
/// An actor that does not answer in time, or a session store that is down, is a 503 with a JSON-RPC body on every
/// endpoint, never a 500.
/// </summary>
public static class AskTimeouts
{
    public static IApplicationBuilder UseAskTimeouts(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (AskTimeoutException) when (!context.Response.HasStarted)
            {
                var settings = context.RequestServices.GetRequiredService<EchoSettings>();
                McpExchange.Of(context)?.End = ExchangeEnd.TimedOut;
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(AskTimeouts))
                    .LogWarning("An actor did not answer {Method} {Path} within {Timeout}", context.Request.Method,
                        context.Request.Path, settings.AskTimeout);
                await FrameWriter.Write(context,
                    McpReply.Error(StatusCodes.Status503ServiceUnavailable, JsonRpcErrors.InternalError,
                        $"Internal error: the session did not answer within {settings.AskTimeout.TotalSeconds:0}s"),
                    eventStream: false);
            }
            catch (SessionStoreUnavailable unavailable) when (!context.Response.HasStarted)
            {
                context.Response.Headers.RetryAfter = "1";
                await FrameWriter.Write(context,
                    McpReply.Error(StatusCodes.Status503ServiceUnavailable, JsonRpcErrors.InternalError, unavailable.Message),
                    eventStream: false);
            }
        });
}
