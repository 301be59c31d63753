using System.Net;
using System.Security.Cryptography;
using System.Text;
using AkkaMcpEcho.Http.Configuration;

namespace AkkaMcpEcho.Http.Security;

/// <summary>
/// Who may use the admin endpoints (the traffic page shows headers; the /faults API changes what every client gets):
/// anyone who can reach a loopback bind; on a network bind only a request that presents MCP_TRAFFIC_TOKEN, as
/// <c>Authorization: Bearer</c> or <c>?token=</c> (an EventSource can send no header).
/// </summary>
internal sealed class AdminAccess(EchoSettings settings)
{
    public const string TokenParameter = "token";

    private readonly byte[]? _token = settings.Traffic.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;

    /// <summary>Whether the server listens on a loopback address only.</summary>
    public bool LoopbackBind { get; } = settings.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(settings.Host, out var address) && IPAddress.IsLoopback(address));

    /// <summary>Null when the request may use <paramref name="what"/> ("The traffic page"), else why not.</summary>
    /// <param name="why">What makes it sensitive ("shows request headers").</param>
    public string? Refusal(HttpRequest request, string what, string why)
    {
        if (LoopbackBind)
        {
            return null;
        }
        if (_token is null)
        {
            return $"{what} {why}: on a network bind it needs MCP_TRAFFIC_TOKEN to be set, and the "
                + "token in Authorization: Bearer or ?token=";
        }
        var presented = request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header[7..].Trim()
            : request.Query[TokenParameter].ToString();
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token)
            ? null
            : presented.Length == 0
                ? $"{what} needs its access token (MCP_TRAFFIC_TOKEN) in Authorization: Bearer or ?token="
                : $"{what}'s access token does not match MCP_TRAFFIC_TOKEN";
    }

    /// <summary>
    /// Every request under <paramref name="path"/> (but those <paramref name="open"/> lets through) passes the check
    /// first; a refusal is 401 with a Bearer challenge of <paramref name="realm"/> and <c>{"error": ...}</c>.
    /// </summary>
    public static IApplicationBuilder Use(IApplicationBuilder app, PathString path, string realm, string what, string why,
        Func<PathString, bool>? open = null) =>
        // Not async: a request that passes (every /mcp request) costs no state machine here.
        app.Use((http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments(path) || open?.Invoke(http.Request.Path) == true
                || http.RequestServices.GetRequiredService<AdminAccess>().Refusal(http.Request, what, why) is not { } refusal)
            {
                return next(http);
            }
            http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"{realm}\"";
            return AdminJson.Problem(http, StatusCodes.Status401Unauthorized, refusal);
        });
}
