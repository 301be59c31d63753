using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// POST /oauth/register, dynamic client registration (RFC 7591): any client may register; the answer's client_id and
/// client_secret work on every node that holds the same lab key.
/// </summary>
internal static class LabRegistration
{
    public const string Path = "/oauth/register";

    private static readonly string[] KnownGrants = ["authorization_code", "refresh_token", "client_credentials"];

    public static async Task<IResult> Register(HttpContext context, LabClients clients, TimeProvider clock)
    {
        RegistrationRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, LabJson.Default.RegistrationRequest, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Refuse("invalid_client_metadata", $"the body is not a JSON registration request: {e.Message}");
        }
        if (request is null)
        {
            return Refuse("invalid_client_metadata", "the body is not a JSON object");
        }
        var grants = request.GrantTypes is { Length: > 0 } given ? given : ["authorization_code", "refresh_token"];
        if (grants.FirstOrDefault(grant => !KnownGrants.Contains(grant)) is { } unknown)
        {
            return Refuse("invalid_client_metadata", $"grant type '{unknown}' is not offered; use {string.Join(", ", KnownGrants)}");
        }
        var redirects = request.RedirectUris ?? [];
        if (grants.Contains("authorization_code") && redirects.Length == 0)
        {
            return Refuse("invalid_redirect_uri", "redirect_uris is required for the authorization_code grant");
        }
        if (redirects.FirstOrDefault(uri => !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Fragment.Length > 0) is { } bad)
        {
            return Refuse("invalid_redirect_uri", $"'{bad}' is not an absolute URI without a fragment");
        }
        var method = request.TokenEndpointAuthMethod ?? "client_secret_basic";
        if (method is not ("none" or "client_secret_basic" or "client_secret_post"))
        {
            return Refuse("invalid_client_metadata", $"token_endpoint_auth_method '{method}' is not offered; use none, client_secret_basic or client_secret_post");
        }
        var isPublic = method == "none";
        if (isPublic && grants.Contains("client_credentials"))
        {
            return Refuse("invalid_client_metadata", "a public client (token_endpoint_auth_method none) cannot use client_credentials");
        }
        var client = clients.Register([.. redirects], isPublic);
        var answer = new RegistrationAnswer(client.ClientId, isPublic ? null : clients.SecretOf(client.ClientId),
            clock.GetUtcNow().ToUnixTimeSeconds(), isPublic ? null : 0, redirects, grants,
            grants.Contains("authorization_code") ? ["code"] : [], method, request.ClientName, request.Scope);
        return Results.Json(answer, LabJson.Default.RegistrationAnswer, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Json(new OAuthError(error, description), LabJson.Default.OAuthError, statusCode: StatusCodes.Status400BadRequest);
}
