using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Protocol.Auth;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// This server's OAuth addresses for one request: the canonical URI of /mcp (MCP_AUTH_RESOURCE, else the URL the
/// request reached), its protected resource metadata, and the authorization server it names.
/// </summary>
public sealed class ResourceUris(AuthSettings settings)
{
    public string Resource(HttpRequest request) => settings.Resource ?? Base(request) + McpEndpoints.Path;

    /// <summary>The path-suffixed metadata address of RFC 9728 §3.1: the well-known prefix, then the resource's path.</summary>
    public string Metadata(HttpRequest request)
    {
        var resource = new Uri(Resource(request));
        return resource.GetLeftPart(UriPartial.Authority) + ResourceMetadata.WellKnownPath + resource.AbsolutePath.TrimEnd('/');
    }

    /// <summary>
    /// The issuer exactly as its own metadata writes it (clients compare the two strings): the configured one, or in lab
    /// mode this host's root, as the built-in server derives it from the request.
    /// </summary>
    public string AuthorizationServer(HttpRequest request) =>
        settings.Issuer is { } issuer ? new Uri(issuer).AbsoluteUri : new Uri(Base(request) + "/").AbsoluteUri;

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
