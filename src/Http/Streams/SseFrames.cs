using System.Buffers;
using System.Globalization;
using System.Text;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Http.Streams;

/// <summary>Server-sent-event framing of session events and keep-alive comments.</summary>
internal static class SseFrames
{
    public static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    public static void Write(IBufferWriter<byte> output, SessionEvent item)
    {
        // The JSON is compact (no raw newlines), so it fits one data: line. Id 0 marks an event that is never replayed.
        var text = item.Id > 0
            ? string.Create(CultureInfo.InvariantCulture, $"id: {item.Id}\nevent: message\ndata: {item.Json}\n\n")
            : $"event: message\ndata: {item.Json}\n\n";
        Encoding.UTF8.GetBytes(text, output);
    }
}
