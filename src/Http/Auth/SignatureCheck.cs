using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// Whether a token JwtBearer refused for its lifetime alone carries a good signature: the same keys and algorithms,
/// with lifetime and issuer left unchecked, so a verdict can say "signature verified, expired at …" instead of
/// leaving the signature in doubt.
/// </summary>
internal sealed class SignatureCheck(IOptionsMonitor<JwtBearerOptions> options)
{
    public async Task<bool> Verifies(string token, CancellationToken cancel)
    {
        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        parameters.ValidateLifetime = false;
        parameters.ValidateIssuer = false;
        if (bearer.ConfigurationManager is { } manager)
        {
            // As JwtBearer does: the issuer's published keys join any configured ones.
            var configuration = await manager.GetConfigurationAsync(cancel);
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. configuration.SigningKeys];
        }
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        return result.IsValid;
    }
}
