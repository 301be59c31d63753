using System.Globalization;
using System.Text;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Http.Wire;

/// <summary>Server-sent-event framing of messages, session events and keep-alive comments.</summary>
internal static class SseFrames
{
    public static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] MessagePrefix = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    /// <summary>One <c>event: message</c> whose data is <paramref name="json"/> (compact: one line).</summary>
    public static byte[] Event(byte[] json) => [.. MessagePrefix, .. json, .. EventEnd];

    /// <summary>A session event: its id (none for id 0 without a label: never replayed), retry, and message or empty data.</summary>
    public static byte[] Bytes(SessionEvent item)
    {
        var id = item.Label ?? (item.Id > 0 ? item.Id.ToString(CultureInfo.InvariantCulture) : null);
        var head = new StringBuilder(48);
        if (id is not null)
        {
            head.Append("id: ").Append(id).Append('\n');
        }
        if (item.RetryMs is { } retry)
        {
            head.Append("retry: ").Append(retry.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        return item.Message is null ? [.. headBytes, .. "data: \n\n"u8] : [.. headBytes, .. Event(JsonRpcWriter.Write(item.Message))];
    }
}
