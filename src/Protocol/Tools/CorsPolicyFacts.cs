using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// The server's CORS policy: the HTTP layer configures ASP.NET Core's CORS middleware from it and corsAnalysis shows it,
/// so what the tool reports is what the server does. No origins: no browser gets a cross-origin grant.
/// </summary>
public sealed record CorsPolicyFacts(ImmutableArray<string> AllowedOrigins, bool AnyOrigin, bool AllowCredentials, int MaxAgeSeconds)
{
    public static readonly ImmutableArray<string> Methods = ["GET", "POST", "DELETE", "OPTIONS"];

    public static readonly ImmutableArray<string> Headers =
        ["Content-Type", "Accept", "Authorization", "Mcp-Session-Id", "MCP-Protocol-Version", "Last-Event-ID"];

    public static readonly ImmutableArray<string> ExposedHeaders = ["Mcp-Session-Id"];

    public static CorsPolicyFacts Disabled { get; } = new([], false, false, 86400);

    public bool Enabled => AnyOrigin || !AllowedOrigins.IsEmpty;

    public bool Allows(string origin) =>
        AnyOrigin || AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
}
