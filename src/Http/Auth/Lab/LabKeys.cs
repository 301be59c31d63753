using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// Everything secret of the built-in authorization server, derived from one key (MCP_AUTH_LAB_KEY): nodes given the
/// same key sign with the same ES256 key (same kid), decrypt each other's codes and refresh tokens, and agree on every
/// registered client's secret, with nothing stored.
/// </summary>
public sealed class LabKeys
{
    // The order of the P-256 group: a private scalar must lie in [1, n-1].
    private static readonly byte[] GroupOrder = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    private readonly byte[] _key;

    public LabKeys(byte[] key)
    {
        _key = key;
        Signing = SigningKey();
        Encryption = new SymmetricSecurityKey(Derive("token encryption"));
    }

    public ECDsaSecurityKey Signing { get; }

    public SymmetricSecurityKey Encryption { get; }

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>An HMAC-SHA256 of <paramref name="label"/> under the lab key: a value only key holders can make.</summary>
    public byte[] Derive(string label) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("akka-mcp-echo lab: " + label));

    private ECDsaSecurityKey SigningKey()
    {
        var scalar = Derive("signing key");
        for (var round = 0; !IsScalar(scalar); round++)
        {
            scalar = Derive($"signing key {round}");
        }
        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = scalar });
        var publicKey = ecdsa.ExportParameters(includePrivateParameters: false).Q;
        var kid = Base64UrlEncoder.Encode(SHA256.HashData([.. publicKey.X!, .. publicKey.Y!]).AsSpan(0, 12).ToArray());
        return new ECDsaSecurityKey(ecdsa) { KeyId = kid };
    }

    private static bool IsScalar(byte[] candidate) =>
        candidate.Any(b => b != 0) && candidate.AsSpan().SequenceCompareTo(GroupOrder) < 0;
}
