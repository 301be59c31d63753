using System.Text;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Splits an SSE body into events and yields each event's data (its data lines joined with newlines).</summary>
public static class SseEvents
{
    public static List<byte[]> Data(ReadOnlySpan<byte> body)
    {
        var events = new List<byte[]>(1);
        var text = Encoding.UTF8.GetString(body).Replace("\r\n", "\n");
        foreach (var block in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    if (data.Length > 0)
                    {
                        data.Append('\n');
                    }
                    data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
                }
            }
            if (data.Length > 0)
            {
                events.Add(Encoding.UTF8.GetBytes(data.ToString()));
            }
        }
        return events;
    }
}
