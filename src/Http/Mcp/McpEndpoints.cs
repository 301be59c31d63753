using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Mcp;

public static class McpEndpoints
{
    public const string Path = "/mcp";

    public static IServiceCollection AddMcpEndpoint(this IServiceCollection services) =>
        services.AddSingleton<McpPostHandler>().AddSingleton<McpStreamHandler>().AddSingleton<McpDeleteHandler>()
            .AddSingleton<McpMethods>().AddSingleton<BatchHandler>().AddSingleton<StreamedCalls>();

    /// <summary>The Streamable HTTP endpoint: POST for messages, GET for the session stream, DELETE to end a session.</summary>
    public static IEndpointRouteBuilder MapMcp(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext context, McpPostHandler handler) => handler.Handle(context));
        app.MapGet(Path, (HttpContext context, McpStreamHandler handler) => handler.Handle(context));
        app.MapDelete(Path, (HttpContext context, McpDeleteHandler handler) => handler.Handle(context));
        app.MapMethods(Path, ["PUT", "PATCH", "HEAD"], NotAllowed);
        return app;
    }

    private static Task NotAllowed(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, POST, DELETE";
        return FrameWriter.Write(context,
            McpReply.Error(StatusCodes.Status405MethodNotAllowed, JsonRpcErrors.TransportError,
                $"Method Not Allowed: {context.Request.Method} {Path}; use GET, POST or DELETE"),
            eventStream: false);
    }
}
