using System.Net;
using System.Security.Cryptography;
using System.Text;
using AkkaMcpEcho.Http.Configuration;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// Who may see recorded traffic (it shows headers): anyone who can reach a loopback bind; on a network bind only a
/// request that presents the configured token, as <c>Authorization: Bearer</c> or <c>?token=</c> (an EventSource can
/// send no header).
/// </summary>
internal sealed class TrafficAccess(EchoSettings settings)
{
    public const string TokenParameter = "token";

    private readonly byte[]? _token = settings.Traffic.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;

    /// <summary>Whether the server listens on a loopback address only.</summary>
    public bool LoopbackBind { get; } = settings.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(settings.Host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Null when the request may see the traffic, else why not.</summary>
    public string? Refusal(HttpRequest request)
    {
        if (LoopbackBind)
        {
            return null;
        }
        if (_token is null)
        {
            return "The traffic page shows request headers: on a network bind it needs MCP_TRAFFIC_TOKEN to be set, and the "
                + "token in Authorization: Bearer or ?token=";
        }
        var presented = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header[7..].Trim()
            : request.Query[TokenParameter].ToString();
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token)
            ? null
            : presented.Length == 0
                ? "The traffic page needs its access token (MCP_TRAFFIC_TOKEN) in Authorization: Bearer or ?token="
                : "The traffic page's access token does not match MCP_TRAFFIC_TOKEN";
    }
}
