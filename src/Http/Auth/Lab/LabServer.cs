using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// lab mode's authorization server: OpenIddict in degraded mode (no database; codes and refresh tokens are
/// self-contained, encrypted with a key derived from the lab key), authorization code with PKCE, client credentials,
/// refresh tokens, RFC 8414 metadata, JWKS, and unencrypted JWT access tokens for whatever resource a client names.
/// </summary>
internal static class LabServer
{
    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string JwksPath = "/.well-known/jwks.json";

    public static void Add(IServiceCollection services, AuthSettings settings, LabKeys keys)
    {
        services.AddSingleton(keys).AddSingleton<LabClients>().AddSingleton<LabClientChecks>();
        services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris(AuthorizePath[1..])
                .SetTokenEndpointUris(TokenPath[1..])
                .SetJsonWebKeySetEndpointUris(JwksPath[1..])
                .SetConfigurationEndpointUris(".well-known/oauth-authorization-server", ".well-known/openid-configuration");
            server.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
            server.EnableDegradedMode().DisableScopeValidation().DisableResourceValidation();
            server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption).DisableAccessTokenEncryption();
            server.SetAccessTokenLifetime(settings.LabTokenLifetime);
            server.RegisterScopes([Scopes.OfflineAccess, .. settings.Scopes.All]);
            if (settings.Issuer is { } issuer)
            {
                server.SetIssuer(new Uri(issuer));
            }
            // A lab on loopback speaks plain http; OpenIddict refuses that unless told.
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                .DisableTransportSecurityRequirement();
            LabClientChecks.Register(server);
            server.AddEventHandler<HandleConfigurationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                context.Metadata["registration_endpoint"] = new Uri(context.BaseUri!, LabRegistration.Path[1..]).AbsoluteUri;
                context.TokenEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretBasic);
                context.TokenEndpointAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretPost);
                context.TokenEndpointAuthenticationMethods.Add("none");
                return default;
            }).SetOrder(int.MaxValue - 1000));
        });
    }
}
