using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// JwtBearer's validation for both modes: signature, issuer and lifetime. jwt mode reads the issuer's keys from its
/// discovery document (or a JWKS); lab mode knows its own key. The audience is this server's canonical URI, which may
/// come from the request, so <see cref="BearerGate"/> checks it.
/// </summary>
internal static class JwtSetup
{
    public static void Configure(JwtBearerOptions options, AuthSettings settings, LabKeys? lab)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = false;
        var parameters = options.TokenValidationParameters;
        parameters.ValidateAudience = false;
        parameters.ClockSkew = TimeSpan.Zero;
        parameters.ValidateIssuer = settings.Issuer is not null;
        if (settings.Issuer is { } issuer)
        {
            // An issuer is compared as a string; accept it with and without the trailing slash a URL gains when parsed.
            parameters.ValidIssuers = [issuer, issuer.TrimEnd('/'), new Uri(issuer).AbsoluteUri];
        }
        if (lab is not null)
        {
            parameters.IssuerSigningKey = lab.Signing;
            return;
        }
        if (settings.JwksUrl is { } jwks)
        {
            options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(jwks, new JwksRetriever(),
                new HttpDocumentRetriever { RequireHttps = false });
            return;
        }
        options.MetadataAddress = settings.MetadataUrl ?? new Uri(new Uri(new Uri(settings.Issuer!).AbsoluteUri), ".well-known/openid-configuration").AbsoluteUri;
    }

    /// <summary>A JWKS document read as the signing keys of an otherwise empty configuration.</summary>
    private sealed class JwksRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel)) };
            foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
            {
                configuration.SigningKeys.Add(key);
            }
            return configuration;
        }
    }
}
