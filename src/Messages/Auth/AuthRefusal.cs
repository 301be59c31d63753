using System.Collections.Immutable;

namespace AkkaMcpEcho.Messages.Auth;

/// <summary>
/// Why /mcp refused a request with 401 or 403, kept with its traffic record: the resource server's verdict on the token
/// (its <see cref="TokenVerdict.Reason"/> is the challenge's error_description) and, for a 403, the scopes the request
/// needed and which of them the token lacked. Claims only, never the token.
/// </summary>
public sealed record AuthRefusal(TokenVerdict Token, ImmutableArray<string> ScopesNeeded, ImmutableArray<string> ScopesMissing);
