using System.Text.Json.Serialization;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>The built-in authorization server's JSON: registration requests and answers (RFC 7591) and client ids.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisteredClient))]
[JsonSerializable(typeof(RegistrationRequest))]
[JsonSerializable(typeof(RegistrationAnswer))]
[JsonSerializable(typeof(OAuthError))]
internal sealed partial class LabJson : JsonSerializerContext;

internal sealed record RegistrationRequest(string[]? RedirectUris, string[]? GrantTypes, string? TokenEndpointAuthMethod,
    string? ClientName, string? Scope);

internal sealed record RegistrationAnswer(string ClientId, string? ClientSecret, long ClientIdIssuedAt, long? ClientSecretExpiresAt,
    string[] RedirectUris, string[] GrantTypes, string[] ResponseTypes, string TokenEndpointAuthMethod, string? ClientName,
    string? Scope);

internal sealed record OAuthError(string Error, string ErrorDescription);
