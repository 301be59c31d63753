using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// OpenIddict's degraded mode (no database) leaves client validation to the host: these handlers accept the clients
/// <see cref="LabClients"/> registered, at the authorization endpoint (known client, registered redirect_uri) and the
/// token endpoint (its secret, unless public; client credentials only for clients with a secret).
/// </summary>
internal sealed class LabClientChecks(LabClients clients)
    : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>, IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        if (clients.Read(context.ClientId, out var problem) is not { } client)
        {
            context.Reject(Errors.InvalidClient, problem);
        }
        else if (context.RedirectUri is not { } redirect || !client.RedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            context.Reject(Errors.InvalidRequest, $"redirect_uri '{context.RedirectUri}' is not one the client registered "
                + $"({string.Join(" ", client.RedirectUris)})");
        }
        return default;
    }

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (clients.Read(context.ClientId, out var problem) is not { } client)
        {
            context.Reject(Errors.InvalidClient, problem);
        }
        else if (client.IsPublic && context.Request.IsClientCredentialsGrantType())
        {
            context.Reject(Errors.UnauthorizedClient, "a public client cannot use client_credentials: register with a secret");
        }
        else if (client.IsPublic && context.ClientSecret is not null)
        {
            context.Reject(Errors.InvalidClient, "this client registered as public (token_endpoint_auth_method none): send no secret");
        }
        else if (!client.IsPublic && !clients.SecretMatches(client.ClientId, context.ClientSecret))
        {
            context.Reject(Errors.InvalidClient, context.ClientSecret is null
                ? "client_secret is missing (client_secret_post or HTTP Basic)"
                : "client_secret is not this client's");
        }
        return default;
    }

    public static void Register(OpenIddictServerBuilder server) => server
        .AddEventHandler(OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<LabClientChecks>().SetType(OpenIddictServerHandlerType.Custom).Build())
        .AddEventHandler(OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<LabClientChecks>().SetType(OpenIddictServerHandlerType.Custom).Build());
}
