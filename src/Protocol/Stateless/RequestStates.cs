using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>
/// Seals and opens the <c>requestState</c> of input_required results. The state goes to the client and comes back in
/// the retry, so it is attacker-controlled: it carries an HMAC-SHA256 over its payload under the server's key, the
/// request it belongs to (method and tool, prompt or resource) and an expiry. In a cluster every node needs the same key
/// to accept the others' states.
/// </summary>
public sealed class RequestStates(byte[] key, TimeProvider clock, TimeSpan lifetime)
{
    private const string Version = "v1";

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>A sealed state for <paramref name="method"/> on <paramref name="name"/> carrying <paramref name="dataJson"/>.</summary>
    public string Seal(string method, string name, string dataJson)
    {
        var payload = JsonText.Object(json =>
        {
            json.WriteString("m", method);
            json.WriteString("n", name);
            json.WriteNumber("exp", (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds());
            json.WritePropertyName("d");
            json.WriteRawValue(dataJson);
        });
        var body = $"{Version}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        return $"{body}.{Base64Url.EncodeToString(Mac(body))}";
    }

    /// <summary>The data a state carries, or why it is refused (never both).</summary>
    public (JsonElement? Data, string? Problem) Open(string state, string method, string name)
    {
        var parts = state.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return (null, "it is not a state this server issued (expected v1.<payload>.<signature>)");
        }
        byte[] signature, payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return (null, "its payload or signature is not base64url");
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, Mac($"{parts[0]}.{parts[1]}")))
        {
            return (null, "its signature does not match: it was changed, or sealed under another key");
        }
        var data = JsonElement.Parse(payload);
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(data.GetProperty("exp").GetInt64());
        if (expires <= clock.GetUtcNow())
        {
            return (null, $"it expired at {expires:yyyy-MM-dd HH:mm:ss} UTC (states live {lifetime.TotalMinutes:0} minutes)");
        }
        var (m, n) = (data.GetProperty("m").GetString(), data.GetProperty("n").GetString());
        return m == method && n == name
            ? (data.GetProperty("d").Clone(), null)
            : (null, $"it was issued for {m} {n}, not {method} {name}");
    }

    private byte[] Mac(string body) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(body));
}
