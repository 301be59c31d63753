using System.Security.Cryptography;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>Session ids: RFC 4122 version 4 UUIDs drawn from the operating system's CSPRNG.</summary>
public static class SessionIds
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        // Guid's byte layout keeps the version nibble in byte 7 and the variant bits in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
