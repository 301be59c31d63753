using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>The header rules every session-bound request shares: a session id is present, a protocol header is supported.</summary>
internal static class SessionHeaders
{
    public static McpReply? Check(HttpRequest request, EchoSettings settings, string? idJson = null)
    {
        if (request.Headers[McpHeaders.SessionId].ToString().Length == 0)
        {
            return McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.TransportError,
                $"Bad Request: {McpHeaders.SessionId} header is required; send initialize first to get one", idJson);
        }
        return CheckVersion(request, settings, idJson);
    }

    public static McpReply? CheckVersion(HttpRequest request, EchoSettings settings, string? idJson = null)
    {
        var version = request.Headers[McpHeaders.ProtocolVersion].ToString();
        var supported = settings.Profile.SupportedProtocolVersions;
        return version.Length == 0 || supported.Contains(version)
            ? null
            : McpReply.Error(StatusCodes.Status400BadRequest, JsonRpcErrors.TransportError,
                $"Bad Request: Unsupported protocol version: {version} (supported versions: {string.Join(", ", supported)})", idJson);
    }
}
