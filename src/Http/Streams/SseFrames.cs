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
        // The JSON is compact (no raw newlines), so it fits one data: line. Id 0 without a label: never replayed.
        var id = item.Label ?? (item.Id > 0 ? item.Id.ToString(CultureInfo.InvariantCulture) : null);
        var text = new StringBuilder(item.Json.Length + 48);
        if (id is not null)
        {
            text.Append("id: ").Append(id).Append('\n');
        }
        if (item.RetryMs is { } retry)
        {
            text.Append("retry: ").Append(retry.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        if (item.Json.Length > 0)
        {
            text.Append("event: message\n");
        }
        text.Append("data: ").Append(item.Json).Append("\n\n");
        Encoding.UTF8.GetBytes(text.ToString(), output);
    }
}
