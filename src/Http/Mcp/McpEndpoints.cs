using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Stateless;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Mcp;

public static class McpEndpoints
{
    public const string Path = "/mcp";

    public static IServiceCollection AddMcpEndpoint(this IServiceCollection services) =>
        services.AddSingleton<McpPostHandler>().AddSingleton<McpStreamHandler>().AddSingleton<McpDeleteHandler>()
            .AddSingleton<McpMethods>().AddSingleton<BatchHandler>().AddSingleton<StreamedCalls>()
            .AddSingleton<StatelessEndpoint>().AddSingleton<StatelessToolCalls>().AddSingleton<StatelessFixtures>()
            .AddSingleton<ScriptPlayer>().AddSingleton<Listeners>();

    /// <summary>The Streamable HTTP endpoint: POST for messages, GET for the session stream, DELETE to end a session.</summary>
    public static IEndpointRouteBuilder MapMcp(this IEndpointRouteBuilder app)
    {
        // The handler is a singleton, taken once: a parameter would resolve it from a new request scope on every POST.
        app.MapPost(Path, app.ServiceProvider.GetRequiredService<McpPostHandler>().Handle);
        app.MapGet(Path, (HttpContext context, McpStreamHandler handler, EchoSettings settings) =>
            IsStateless(context, settings) ? PostOnly(context) : handler.Handle(context));
        app.MapDelete(Path, (HttpContext context, McpDeleteHandler handler, EchoSettings settings) =>
            IsStateless(context, settings) ? PostOnly(context) : handler.Handle(context));
        app.MapMethods(Path, ["PUT", "PATCH", "HEAD"], NotAllowed);
        return app;
    }

    /// <summary>A GET or DELETE of a 2026-07-28 client, or on a server of stateless revisions only: no sessions, no stream.</summary>
    private static bool IsStateless(HttpContext context, EchoSettings settings) =>
        !settings.Profile.ServesSessions || StatelessRevision.IsStatelessRevision(context.Request.Headers[McpHeaders.ProtocolVersion].ToString());

    private static Task PostOnly(HttpContext context)
    {
        context.Response.Headers.Allow = "POST";
        return FrameWriter.Write(context,
            McpReply.Error(StatusCodes.Status405MethodNotAllowed, JsonRpcErrors.TransportError,
                $"Method Not Allowed: {context.Request.Method} {Path}; revision 2026-07-28 has no sessions and no GET stream: "
                + "send each request as a POST (use subscriptions/listen for change notifications)"),
            eventStream: false);
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
