using System.Diagnostics;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>What the MCP endpoint learned about a request while serving it, for the request log.</summary>
internal sealed class McpRequestFeature
{
    public string? RpcMethod { get; set; }
}

/// <summary>
/// One debug line per request to the MCP endpoint: HTTP method, JSON-RPC method, session, status and duration. Every
/// client-supplied value goes through <see cref="LogText"/>. Costs nothing when debug logging is off.
/// </summary>
internal static partial class RequestLog
{
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        return app.Use(async (context, next) =>
        {
            if (!log.IsEnabled(LogLevel.Debug) || !context.Request.Path.StartsWithSegments(McpEndpoints.Path))
            {
                await next(context);
                return;
            }
            var feature = new McpRequestFeature();
            context.Features.Set(feature);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var session = context.Response.Headers[McpHeaders.SessionId].ToString() is { Length: > 0 } minted
                    ? minted
                    : context.Request.Headers[McpHeaders.SessionId].ToString();
                Served(log, context.Request.Method, LogText.Safe(feature.RpcMethod), LogText.Safe(session.Length > 0 ? session : null),
                    context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    /// <summary>Notes the JSON-RPC method for the log line, when the log wants it.</summary>
    public static void Method(HttpContext context, string? method)
    {
        if (context.Features.Get<McpRequestFeature>() is { } feature)
        {
            feature.RpcMethod = method;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{HttpMethod} /mcp {RpcMethod} session={Session} -> {Status} in {Milliseconds:0.0} ms")]
    private static partial void Served(ILogger log, string httpMethod, string rpcMethod, string session, int status, double milliseconds);
}
