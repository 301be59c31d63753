using System.Collections.Immutable;

namespace AkkaMcpEcho.Messages.Auth;

/// <summary>
/// What the resource server concluded about the bearer token of one request (MCP_AUTH_MODE jwt or lab), carried with
/// the request's facts so the tools can report it on whichever node runs them. Holds claims, never the token.
/// </summary>
/// <param name="Mode">jwt or lab.</param>
/// <param name="Accepted">Signature, issuer, lifetime and audience all held (scopes are judged per request).</param>
/// <param name="Reason">Why the token was refused, or "accepted".</param>
/// <param name="SignatureVerified">The signature was checked against a known key and held.</param>
/// <param name="Issuer">The token's iss claim, when it could be read.</param>
/// <param name="Audiences">The token's aud values.</param>
/// <param name="ExpectedAudience">This server's canonical URI: the audience the token must name.</param>
/// <param name="ExpiresUtcTicks">The token's exp, when present.</param>
/// <param name="Scopes">The scopes the token grants (its scope string and scp array together).</param>
public sealed record TokenVerdict(
    string Mode,
    bool Accepted,
    string Reason,
    bool SignatureVerified,
    string? Issuer,
    ImmutableArray<string> Audiences,
    string ExpectedAudience,
    long? ExpiresUtcTicks,
    ImmutableArray<string> Scopes);
