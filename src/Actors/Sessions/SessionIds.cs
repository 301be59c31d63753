using System.Security.Cryptography;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// Session ids: RFC 4122 version 4 UUIDs drawn from the operating system's CSPRNG. An actor that creates many sessions
/// keeps its own <see cref="SessionIds"/> instance: one draw of the CSPRNG then serves many ids, since each draw costs
/// microseconds whatever its size (measured in benchmarks/PROFILE.md, section 7).
/// </summary>
/// <remarks>Not thread-safe: one instance belongs to one actor.</remarks>
public sealed class SessionIds
{
    private const int IdBytes = 16;
    private readonly byte[] _random = new byte[IdBytes * 256];
    private int _next;

    public SessionIds() => _next = _random.Length;

    /// <summary>A fresh id from this instance's buffer of CSPRNG bytes, each byte used once.</summary>
    public string Next()
    {
        if (_next == _random.Length)
        {
            RandomNumberGenerator.Fill(_random);
            _next = 0;
        }
        var bytes = _random.AsSpan(_next, IdBytes);
        _next += IdBytes;
        var id = Format(bytes);
        bytes.Clear();
        return id;
    }

    /// <summary>A single id, drawn on its own: for callers that create one now and then.</summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[IdBytes];
        RandomNumberGenerator.Fill(bytes);
        return Format(bytes);
    }

    private static string Format(Span<byte> bytes)
    {
        // Guid's byte layout keeps the version nibble in byte 7 and the variant bits in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }
}
