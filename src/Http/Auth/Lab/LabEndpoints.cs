using System.Security.Claims;
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

    private static IResult Authorize(HttpContext context, ResourceUris uris)
    {
        var request = context.GetOpenIddictServerRequest()!;
        return SignIn(Principal(LabUser, request.ClientId!, request.GetScopes(), Resources(request, context, uris)));
    }

    private static async Task<IResult> Token(HttpContext context, ResourceUris uris)
    {
        var request = context.GetOpenIddictServerRequest()!;
        if (request.IsClientCredentialsGrantType())
        {
            return SignIn(Principal(request.ClientId!, request.ClientId!, request.GetScopes(), Resources(request, context, uris)));
        }
        // Authorization code and refresh token: OpenIddict has checked the code or token (and PKCE); its principal goes on.
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
        if (request.GetResources() is { IsEmpty: false } narrowed)
        {
            principal.SetResources(narrowed);
        }
        return SignIn(principal);
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

    private static IResult SignIn(ClaimsPrincipal principal) =>
        Results.SignIn(principal, properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
