using AkkaMcpEcho.Protocol.Tools;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>Says in plain words why a bearer token was refused: the error_description of a 401 and the tools' verdict.</summary>
public static class TokenRefusal
{
    public const string NoToken = "no bearer token: send Authorization: Bearer <access token>";

    /// <summary>The reason of a failed validation (signature, issuer, lifetime, form). Never quotes the token.</summary>
    public static string Explain(Exception failure) => failure switch
    {
        SecurityTokenExpiredException expired => $"the token expired at {TextFormat.Utc(expired.Expires.ToUniversalTime().Ticks)}",
        SecurityTokenNotYetValidException early => $"the token is not valid before {TextFormat.Utc(early.NotBefore.ToUniversalTime().Ticks)}",
        SecurityTokenNoExpirationException => "the token has no expiry (exp)",
        SecurityTokenSignatureKeyNotFoundException => "signature key unknown: the token's kid matches no key of the issuer",
        SecurityTokenInvalidSignatureException => "the signature does not verify with the issuer's keys",
        SecurityTokenInvalidIssuerException issuer => $"issuer was {issuer.InvalidIssuer ?? "missing"}; expected the configured issuer",
        SecurityTokenDecryptionFailedException or SecurityTokenEncryptionKeyNotFoundException =>
            "the token is encrypted (a JWE, such as a refresh token) and no key here decrypts it: send the access token",
        SecurityTokenMalformedException => "the token is not a well-formed JWT (three base64url parts: header.payload.signature)",
        SecurityTokenInvalidTypeException => "the token's typ header is not accepted",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        InvalidOperationException when failure.Message.Contains("IDX20803", StringComparison.Ordinal) =>
            "the issuer's metadata (discovery document or JWKS) could not be fetched",
        _ => $"the token was refused ({failure.GetType().Name})",
    };

    public static string WrongAudience(IReadOnlyList<string> audiences, string expected) =>
        audiences.Count == 0
            ? $"the token names no audience (aud); expected {expected}"
            : $"audience was {string.Join(" ", audiences)} expected {expected}";

    public static string MissingScopes(IReadOnlyList<string> missing) =>
        $"missing scope{(missing.Count == 1 ? "" : "s")} {ScopeRequirements.Words(missing)}";
}
