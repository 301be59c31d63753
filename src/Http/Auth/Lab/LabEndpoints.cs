using System.Security.Claims;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// The lab's authorization and token endpoints, after OpenIddict has validated each request: consent is automatic
/// (every requested scope is granted to the lab user), and tokens name the resource the client asked for (RFC 8707),
/// else this server's canonical URI.
/// </summary>
internal static class LabEndpoints
{
    public const string LabUser = "lab-user";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapMethods(LabServer.AuthorizePath, ["GET", "POST"], Authorize);
        app.MapPost(LabServer.TokenPath, Token);
        app.MapPost(LabRegistration.Path, LabRegistration.Register);
    }

    private static IResult Authorize(HttpContext context, ResourceUris uris, LabFaultPoints faults)
    {
        var request = context.GetOpenIddictServerRequest()!;
        if (faults.Take(context, FaultEffect.DenyConsent) is { } denied)
        {
            // The request was valid, so OpenIddict sends the error back to the client's redirect_uri, with its state.
            return Refuse(Errors.AccessDenied, LabFaults.DeniedConsent(denied));
        }
        return SignIn(context, faults, Principal(LabUser, request.ClientId!, request.GetScopes(), Resources(request, context, uris)));
    }

    private static async Task<IResult> Token(HttpContext context, ResourceUris uris, LabFaultPoints faults)
    {
        var request = context.GetOpenIddictServerRequest()!;
        if (request.IsClientCredentialsGrantType())
        {
            return SignIn(context, faults, Principal(request.ClientId!, request.ClientId!, request.GetScopes(), Resources(request, context, uris)));
        }
        if (request.IsRefreshTokenGrantType() && faults.Take(context, FaultEffect.RefuseRefresh) is { } refused)
        {
            return Refuse(Errors.InvalidGrant, LabFaults.RefusedRefresh(refused));
        }
        // Authorization code and refresh token: OpenIddict has checked the code or token (and PKCE); its principal goes on.
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        if (request.GetResources() is { IsEmpty: false } narrowed)
        {
            principal.SetResources(narrowed);
        }
        return SignIn(context, faults, principal);
    }

    private static string[] Resources(OpenIddictRequest request, HttpContext context, ResourceUris uris) =>
        request.GetResources() is { IsEmpty: false } named ? [.. named] : [uris.Resource(context.Request)];

    private static ClaimsPrincipal Principal(string subject, string clientId, IEnumerable<string> scopes, string[] resources)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, subject).SetClaim(Claims.ClientId, clientId);
        identity.SetScopes(scopes).SetResources(resources);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Issues the principal's tokens (at the authorization endpoint, its code), under wrong-audience for an audience
    /// other than the one asked for. A code's audience travels into the token it buys, so the fault acts at the token endpoint.
    /// </summary>
    private static IResult SignIn(HttpContext context, LabFaultPoints faults, ClaimsPrincipal principal)
    {
        if (context.Request.Path.StartsWithSegments(LabServer.TokenPath) && faults.Take(context, FaultEffect.WrongAudience) is not null)
        {
            principal.SetResources(LabFaults.WrongAudience);
        }
        return Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
