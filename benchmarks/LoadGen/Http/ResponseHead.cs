using System.Text;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Http;

/// <summary>The status line and the headers the load generator needs.</summary>
public readonly record struct ResponseHead(int Status, long ContentLength, bool Chunked, bool Close, bool EventStream, string? SessionId)
{
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK": the code is the three digits after the first space.
        var space = statusLine.IndexOf((byte)' ');
        if (space < 0 || statusLine.Length < space + 4 || !int.TryParse(statusLine.Slice(space + 1, 3), out var status))
        {
            throw new IOException($"bad status line: {Encoding.ASCII.GetString(statusLine)}");
        }
        long length = -1;
        bool chunked = false, close = false, eventStream = false;
        string? sessionId = null;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim((byte)' ');
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                length = long.Parse(value);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                eventStream = value.Length >= 17 && Ascii.EqualsIgnoreCase(value[..17], "text/event-stream"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Mcp-Session-Id"u8))
            {
                sessionId = Encoding.ASCII.GetString(value);
            }
        }
        return new ResponseHead(status, length, chunked, close, eventStream, sessionId);
    }
}
