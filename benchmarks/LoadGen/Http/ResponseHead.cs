using System.Text;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Http;

/// <summary>The status line and the headers the load generator needs.</summary>
public readonly record struct ResponseHead(int Status, long ContentLength, bool Chunked, bool Close, bool EventStream, string? SessionId)
{
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var text = Encoding.ASCII.GetString(head);
        var lines = text.Split("\r\n");
        var status = lines[0].Split(' ') is { Length: >= 2 } parts && int.TryParse(parts[1], out var code)
            ? code : throw new IOException($"bad status line: {lines[0]}");
        long length = -1;
        bool chunked = false, close = false, eventStream = false;
        string? sessionId = null;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line.AsSpan(0, colon).Trim();
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.Parse(value);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Equals("close", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                eventStream = value.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Mcp-Session-Id", StringComparison.OrdinalIgnoreCase))
            {
                sessionId = value.ToString();
            }
        }
        return new ResponseHead(status, length, chunked, close, eventStream, sessionId);
    }
}
