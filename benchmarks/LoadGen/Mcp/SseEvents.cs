namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Splits an SSE body into events and yields each event's data (its data lines joined with newlines).</summary>
public static class SseEvents
{
    public static List<byte[]> Data(ReadOnlySpan<byte> body)
    {
        var events = new List<byte[]>(1);
        var data = new List<byte>();
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? [] : body[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (line.IsEmpty)
            {
                Flush(events, data);
            }
            else if (line.StartsWith("data:"u8))
            {
                if (data.Count > 0)
                {
                    data.Add((byte)'\n');
                }
                var value = line[5..];
                data.AddRange(value.StartsWith(" "u8) ? value[1..] : value);
            }
        }
        Flush(events, data);
        return events;
    }

    private static void Flush(List<byte[]> events, List<byte> data)
    {
        if (data.Count > 0)
        {
            events.Add([.. data]);
            data.Clear();
        }
    }
}
