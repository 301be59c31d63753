using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>A JWT decoded without verification: its header and payload JSON and the registered times.</summary>
public sealed record DecodedJwt(
    JsonElement Header,
    JsonElement Payload,
    DateTime? IssuedAt,
    DateTime? NotBefore,
    DateTime? Expires,
    string EncodedHeader,
    string EncodedPayload,
    string EncodedSignature);

/// <summary>
/// Decodes JWS compact tokens with Microsoft.IdentityModel's <see cref="JsonWebToken"/> (no signature check). Malformed
/// tokens get a message that says what is wrong, which the library's own messages hide.
/// </summary>
public static class JwtReader
{
    public const int MaxTokenLength = 65_536;

    private static readonly string[] TimeClaims = ["iat", "nbf", "exp"];

    /// <returns>The decoded token, or null with <paramref name="problem"/> set.</returns>
    public static DecodedJwt? Read(string token, out string problem)
    {
        problem = "";
        token = token.Trim();
        if (token.Length == 0)
        {
            problem = "the token is empty";
            return null;
        }
        if (token.Length > MaxTokenLength)
        {
            problem = $"the token is {token.Length} characters long; at most {MaxTokenLength} are decoded";
            return null;
        }
        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            problem = $"expected 3 dot-separated segments (header.payload.signature), got {segments.Length}"
                + (segments.Length == 5 ? " (an encrypted JWE, which cannot be read without the key)" : "");
            return null;
        }
        if (Segment(segments[0], "header", out problem) is not { } header || Segment(segments[1], "payload", out problem) is not { } payload)
        {
            return null;
        }
        foreach (var claim in TimeClaims)
        {
            if (payload.TryGetProperty(claim, out var value) && !IsNumericDate(value))
            {
                problem = $"claim '{claim}' must be a NumericDate (a JSON number of seconds since 1970-01-01), got "
                    + (value.ValueKind == JsonValueKind.Number ? $"{value.GetRawText()}, out of range" : Kind(value.ValueKind));
                return null;
            }
        }
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            problem = "the JWT library rejected it: " + e.Message.Split('\n')[0];
            return null;
        }
        return new DecodedJwt(header, payload,
            Time(payload, "iat", jwt.IssuedAt), Time(payload, "nbf", jwt.ValidFrom), Time(payload, "exp", jwt.ValidTo),
            jwt.EncodedHeader, jwt.EncodedPayload, jwt.EncodedSignature);
    }

    private static JsonElement? Segment(string encoded, string name, out string problem)
    {
        problem = "";
        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(encoded);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            problem = $"the {name} segment is not valid base64url";
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"the {name} is a JSON {Kind(document.RootElement.ValueKind)}, expected a JSON object";
                return null;
            }
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            problem = $"the {name} segment is not JSON ({e.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim()})";
            return null;
        }
    }

    private static bool IsNumericDate(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
        && seconds >= -62_135_596_800d && seconds <= 253_402_300_799d;

    private static DateTime? Time(JsonElement payload, string claim, DateTime fromLibrary) =>
        payload.TryGetProperty(claim, out _) ? DateTime.SpecifyKind(fromLibrary, DateTimeKind.Utc) : null;

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
