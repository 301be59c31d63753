using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Protocol.Auth;
using Row = AkkaMcpEcho.Http.Configuration.SettingsTable;

namespace AkkaMcpEcho.Http.Auth;

public enum AuthMode
{
    None,
    Jwt,
    Lab,
}

public static class AuthModes
{
    public static AuthMode Parse(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "none" => AuthMode.None,
        "jwt" => AuthMode.Jwt,
        "lab" => AuthMode.Lab,
        _ => throw new FormatException("expected none, jwt or lab"),
    };

    public static string Show(AuthMode mode) => mode.ToString().ToLowerInvariant();
}

/// <summary>How /mcp is protected: MCP_AUTH_MODE and what jwt and lab mode need.</summary>
/// <param name="LabKey">lab: the key everything of the built-in authorization server derives from.</param>
public sealed record AuthSettings(AuthMode Mode, string? Resource, string? Issuer, string? MetadataUrl, string? JwksUrl,
    ScopeRequirements Scopes, byte[] LabKey, TimeSpan LabTokenLifetime)
{
    public bool Enabled => Mode != AuthMode.None;

    internal static AuthSettings From(SettingsReader read, bool cluster, byte[]? requestStateKey)
    {
        var mode = read.Get(Row.AuthMode);
        var settings = new AuthSettings(mode, read.Get(Row.AuthResource), read.Get(Row.AuthIssuer), read.Get(Row.AuthMetadataUrl),
            read.Get(Row.AuthJwksUrl), read.Get(Row.AuthRequiredScopes), [], read.Get(Row.AuthLabTokenLifetime));
        var labKey = read.Get(Row.AuthLabKey);
        if (mode == AuthMode.Jwt && settings.Issuer is null)
        {
            read.Problems.Add("MCP_AUTH_MODE=jwt needs MCP_AUTH_ISSUER (the issuer tokens come from; its discovery document is read "
                + "from MCP_AUTH_METADATA_URL, by default the issuer + .well-known/openid-configuration, or keys from MCP_AUTH_JWKS_URL)");
        }
        if (mode == AuthMode.Lab && cluster && labKey is null && requestStateKey is null)
        {
            read.Problems.Add("MCP_AUTH_MODE=lab in cluster mode needs MCP_AUTH_LAB_KEY (or MCP_REQUEST_STATE_KEY): every node must "
                + "accept every node's tokens, so all nodes need the same key (openssl rand -base64 32)");
        }
        // Without a lab key of its own, a cluster's shared request-state key serves: lab keys derive from it under other labels.
        return settings with { LabKey = labKey ?? requestStateKey ?? LabKeys.NewKey() };
    }
}
