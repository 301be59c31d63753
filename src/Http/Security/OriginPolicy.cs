using System.Collections.Immutable;
using System.Net;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Security;

/// <summary>
/// Which Host and Origin headers the MCP endpoint accepts (the spec's DNS-rebinding guard). Loopback names
/// (localhost, 127.0.0.1, [::1], any port, http or https) are always allowed. MCP_ALLOWED_HOSTS adds host names
/// (the port is not compared), MCP_ALLOWED_ORIGINS adds origins (scheme://host[:port], compared exactly); "*" allows
/// any. Unset, both default to loopback only when the server binds a loopback address, and to "*" when it binds a
/// network address: a networked server is reached under names it cannot know, and DNS rebinding targets local ones.
/// Origins the CORS policy (MCP_CORS_ALLOWED_ORIGINS) grants are allowed too: a granted page must reach the endpoint.
/// </summary>
public sealed record OriginPolicy(bool AnyHost, ImmutableArray<string> Hosts, bool AnyOrigin, ImmutableArray<string> Origins)
{
    private static readonly string HostsKey = SettingsTable.AllowedHosts.Key;
    private static readonly string OriginsKey = SettingsTable.AllowedOrigins.Key;

    private static readonly ImmutableArray<string> LoopbackNames = ["localhost", "127.0.0.1", "::1"];

    public static OriginPolicy LoopbackOnly { get; } = new(false, [], false, []);

    /// <param name="hosts">The MCP_ALLOWED_HOSTS value, or null when unset.</param>
    /// <param name="origins">The MCP_ALLOWED_ORIGINS value, or null when unset.</param>
    public static OriginPolicy From(string? hosts, string? origins, string bindHost, CorsPolicyFacts? cors, List<string> problems)
    {
        var networked = !IsLoopbackName(bindHost);
        var (anyHost, hostNames) = List(hosts, networked, HostName, problems, HostsKey, "host names such as mcp.example.com");
        var (anyOrigin, originNames) = List(origins, networked, OriginName, problems, OriginsKey,
            "origins such as https://app.example.com");
        var granted = cors?.AllowedOrigins.Select(OriginName).OfType<string>() ?? [];
        return new OriginPolicy(anyHost, hostNames, anyOrigin || cors?.AnyOrigin == true, [.. originNames.Concat(granted).Distinct()]);
    }

    /// <summary>Why the request's Host is refused, or null when it is allowed (a missing Host passes).</summary>
    public string? RefuseHost(HostString host)
    {
        if (AnyHost || !host.HasValue)
        {
            return null;
        }
        var name = Unbracket(host.Host).ToLowerInvariant();
        return IsLoopbackName(name) || Hosts.Contains(name)
            ? null
            : $"Forbidden: Invalid Host header: {host.Value} is not allowed (set {HostsKey} to allow it)";
    }

    /// <summary>Why the request's Origin is refused, or null when it is allowed (a missing Origin passes).</summary>
    public string? RefuseOrigin(string? origin)
    {
        if (AnyOrigin || string.IsNullOrEmpty(origin))
        {
            return null;
        }
        var normalized = OriginName(origin);
        var allowed = normalized is not null
            && (Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && IsLoopbackName(Unbracket(uri.Host))
                || Origins.Contains(normalized));
        return allowed ? null : $"Forbidden: Invalid Origin header: {origin} is not allowed (set {OriginsKey} to allow it)";
    }

    public static bool IsLoopbackName(string host)
    {
        var name = Unbracket(host);
        return LoopbackNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static (bool Any, ImmutableArray<string> Entries) List(string? raw, bool networked, Func<string, string?> normalize,
        List<string> problems, string key, string expected)
    {
        if (raw is null)
        {
            return (networked, []);
        }
        var entries = raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (entries.Contains("*"))
        {
            return (true, []);
        }
        var normalized = entries.Select(entry => (entry, name: normalize(entry))).ToArray();
        foreach (var (entry, _) in normalized.Where(e => e.name is null))
        {
            problems.Add($"{key}: '{entry}' is not valid; expected *, or a comma list of {expected}");
        }
        return (false, [.. normalized.Where(e => e.name is not null).Select(e => e.name!).Distinct()]);
    }

    private static string? HostName(string entry)
    {
        var name = Unbracket(entry).ToLowerInvariant();
        return name.Length > 0 && Uri.CheckHostName(name) != UriHostNameType.Unknown ? name : null;
    }

    /// <summary>scheme://host[:port] in lower case with the scheme's default port left out; null if not an origin.</summary>
    private static string? OriginName(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    private static string Unbracket(string host) =>
        host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
