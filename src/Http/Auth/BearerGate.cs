using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Auth;
using AkkaMcpEcho.Protocol.Auth;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Tools;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// The resource server in front of /mcp (MCP_AUTH_MODE jwt or lab; with none it is not in the pipeline): every request
/// needs a bearer token that JwtBearer validates (signature, issuer, lifetime) and that names this server's canonical URI
/// as its audience; otherwise 401 with a challenge that says why. The verdict goes on with the request for the tools.
/// </summary>
internal sealed class BearerGate(AuthSettings settings, ResourceUris uris, SignatureCheck signatures, LabFaultPoints faults)
{
    public async Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments(McpEndpoints.Path) || HttpMethods.IsOptions(context.Request.Method))
        {
            await next(context);
            return;
        }
        var verdict = await Judge(context);
        if (!verdict.Accepted)
        {
            var noToken = verdict.Reason == TokenRefusal.NoToken;
            context.Response.Headers.WWWAuthenticate = BearerChallenge.Header(uris.Metadata(context.Request), settings.Scopes.Default,
                noToken ? null : BearerChallenge.InvalidToken, verdict.Reason);
            McpExchange.Of(context)?.AuthVerdict = new AuthRefusal(verdict, settings.Scopes.Default, []);
            await FrameWriter.Write(context, McpReply.Error(StatusCodes.Status401Unauthorized, JsonRpcErrors.TransportError,
                $"Unauthorized: {verdict.Reason}"), eventStream: false);
            return;
        }
        context.Features.Set(verdict);
        await next(context);
    }

    private async Task<TokenVerdict> Judge(HttpContext context)
    {
        var mode = AuthModes.Show(settings.Mode);
        var expected = uris.Resource(context.Request);
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length == 0 || !BearerToken.Scheme(authorization).Equals("Bearer", StringComparison.OrdinalIgnoreCase)
            || BearerToken.Credentials(authorization) is not { Length: > 0 } token)
        {
            return new TokenVerdict(mode, false, TokenRefusal.NoToken, false, null, [], expected, null, []);
        }
        var jwt = JwtReader.Read(token, out _);
        var claims = jwt is not null ? TokenClaims.From(jwt.Payload, jwt.Expires) : TokenClaims.None;
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        var expired = result.Failure is SecurityTokenExpiredException;
        var signed = result.Succeeded || (expired && await signatures.Verifies(token, context.RequestAborted));
        var reason = result.Succeeded
            ? claims.Audiences.Contains(expected, StringComparer.Ordinal)
                ? faults.Expired(context, jwt?.IssuedAt?.Ticks)
                : TokenRefusal.WrongAudience(claims.Audiences, expected)
            : TokenRefusal.Explain(result.Failure ?? new InvalidOperationException("no result")) + (signed ? " (its signature verified)" : "");
        return new TokenVerdict(mode, reason is null, reason ?? "accepted", signed, claims.Issuer, claims.Audiences, expected,
            claims.ExpiresUtcTicks, claims.Scopes);
    }
}

/// <summary>
/// The 403 of /mcp: a request whose token lacks scopes MCP_AUTH_REQUIRED_SCOPES asks for its tool or method is
/// refused with every missing scope in one challenge. Both protocol generations pass here once the body is parsed.
/// </summary>
internal sealed class ScopeGate(ResourceUris uris, AuthSettings settings)
{
    public McpReply? Refusal(HttpContext context, string method, string? toolName, string? idJson)
    {
        if (!settings.Enabled || context.Features.Get<TokenVerdict>() is not { } verdict)
        {
            return null;
        }
        var needed = settings.Scopes.For(method, toolName);
        var missing = ScopeRequirements.Missing(needed, verdict.Scopes);
        if (missing.IsEmpty)
        {
            return null;
        }
        var reason = $"{TokenRefusal.MissingScopes(missing)} (needed for {toolName ?? method}: {string.Join(' ', needed)})";
        McpExchange.Of(context)?.AuthVerdict = new AuthRefusal(verdict with { Accepted = false, Reason = reason }, needed, missing);
        // The challenge names every scope the request needs, so one new token suffices.
        context.Response.Headers.WWWAuthenticate = BearerChallenge.Header(uris.Metadata(context.Request), needed,
            BearerChallenge.InsufficientScope, reason);
        return McpReply.Error(StatusCodes.Status403Forbidden, JsonRpcErrors.TransportError, $"Forbidden: {reason}", idJson);
    }
}
