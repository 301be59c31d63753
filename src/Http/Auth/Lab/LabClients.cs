using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>A client of the built-in authorization server: where it may be sent back to, and whether it has a secret.</summary>
public sealed record LabClient(string ClientId, ImmutableArray<string> RedirectUris, bool IsPublic);

/// <summary>
/// Dynamic client registration with nothing stored: a client id carries its redirect URIs and kind, signed with a key
/// derived from the lab key, and its secret is derived from the id. Every node holding the key knows every client.
/// </summary>
public sealed class LabClients(LabKeys keys)
{
    private const string Prefix = "lab_";
    private readonly byte[] _idKey = keys.Derive("client id");
    private readonly byte[] _secretKey = keys.Derive("client secret");

    public LabClient Register(ImmutableArray<string> redirectUris, bool isPublic)
    {
        var payload = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(
            new RegisteredClient([.. redirectUris], isPublic), LabJson.Default.RegisteredClient));
        return new LabClient($"{Prefix}{payload}.{Tag(payload)}", redirectUris, isPublic);
    }

    public string SecretOf(string clientId) => Base64UrlEncoder.Encode(HMACSHA256.HashData(_secretKey, Encoding.UTF8.GetBytes(clientId)));

    public bool SecretMatches(string clientId, string? secret) =>
        secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(SecretOf(clientId)), Encoding.UTF8.GetBytes(secret));

    /// <returns>The client the id names, or null with <paramref name="problem"/> saying why it is not one of this lab's.</returns>
    public LabClient? Read(string? clientId, out string problem)
    {
        problem = "";
        var dot = clientId?.LastIndexOf('.') ?? -1;
        if (clientId is null || !clientId.StartsWith(Prefix, StringComparison.Ordinal) || dot < 0)
        {
            problem = clientId is null ? "client_id is missing" : "client_id is not one this server registered (register at /oauth/register)";
            return null;
        }
        var payload = clientId[Prefix.Length..dot];
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Tag(payload)), Encoding.ASCII.GetBytes(clientId[(dot + 1)..])))
        {
            problem = "client_id was not registered with this server's lab key (MCP_AUTH_LAB_KEY)";
            return null;
        }
        var registered = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(payload), LabJson.Default.RegisteredClient)!;
        return new LabClient(clientId, [.. registered.RedirectUris], registered.IsPublic);
    }

    private string Tag(string payload) => Base64UrlEncoder.Encode(HMACSHA256.HashData(_idKey, Encoding.ASCII.GetBytes(payload)).AsSpan(0, 16).ToArray());
}

internal sealed record RegisteredClient(string[] RedirectUris, bool IsPublic);
