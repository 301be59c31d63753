using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Security;

/// <summary>
/// The DNS-rebinding guard in front of the MCP endpoint and the traffic page: a request whose Host or Origin the
/// <see cref="OriginPolicy"/> does not allow gets 403 with a JSON-RPC error (-32000) and goes no further (a page on a
/// rebound name must not read recorded headers). Other paths (health) are not guarded,
/// nor is OPTIONS: a CORS preflight carries no MCP message, and the CORS policy alone decides whether it gets a grant.
/// </summary>
public static class OriginGuard
{
    public static IApplicationBuilder UseOriginGuard(this IApplicationBuilder app, OriginPolicy policy, params PathString[] guarded) =>
        // Not async, and no delegate per request: a request that passes costs no allocation here.
        app.Use((context, next) =>
        {
            if (!Guarded(context.Request.Path, guarded) || HttpMethods.IsOptions(context.Request.Method)
                || (policy.RefuseHost(context.Request.Host) ?? policy.RefuseOrigin(context.Request.Headers.Origin.ToString()))
                    is not { } refusal)
            {
                return next(context);
            }
            return FrameWriter.Write(context,
                McpReply.Error(StatusCodes.Status403Forbidden, JsonRpcErrors.TransportError, refusal), eventStream: false);
        });

    private static bool Guarded(PathString path, PathString[] guarded)
    {
        foreach (var prefix in guarded)
        {
            if (path.StartsWithSegments(prefix))
            {
                return true;
            }
        }
        return false;
    }
}
