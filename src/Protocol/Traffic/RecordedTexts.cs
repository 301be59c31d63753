using System.Text;
using System.Text.Unicode;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Protocol.Traffic;

/// <summary>Bodies and events as the recording keeps them: at most a byte cap of their start, redacted, the cut marked.</summary>
public static class RecordedTexts
{
    public static RecordedText Of(ReadOnlySpan<byte> bytes, int cap, bool reveal) => Of(bytes, null, cap, reveal);

    /// <summary>
    /// As for a span; a body kept whole and unchanged is kept as <paramref name="bytes"/> itself, not a copy (a request
    /// body or a written answer: nothing writes to either once it is read or sent).
    /// </summary>
    public static RecordedText Of(byte[] bytes, int cap, bool reveal) => Of(bytes, bytes, cap, reveal);

    private static RecordedText Of(ReadOnlySpan<byte> bytes, byte[]? array, int cap, bool reveal)
    {
        var kept = bytes.Length <= cap ? bytes : bytes[..Boundary(bytes, cap)];
        var truncated = kept.Length < bytes.Length;
        // Decoded only when it is not UTF-8 (each bad byte becomes U+FFFD, so what is kept is always text) or a credential
        // may be in it: most bodies are kept as the bytes they were.
        return Utf8.IsValid(kept) && (reveal || !TrafficRedaction.MayHoldCredential(kept))
            ? new RecordedText(!truncated && array is not null ? array : kept.ToArray(), bytes.Length, truncated)
            : new RecordedText(TrafficRedaction.Body(Encoding.UTF8.GetString(kept), reveal), bytes.Length, truncated);
    }

    /// <summary>The largest length not above <paramref name="cap"/> that does not split a UTF-8 character.</summary>
    private static int Boundary(ReadOnlySpan<byte> bytes, int cap)
    {
        var end = cap;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80)
        {
            end--;
        }
        return end;
    }
}
