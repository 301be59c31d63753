using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Protocol;

/// <summary>One server-sent event: its id (null when the event carries none) and its data parsed as JSON.</summary>
internal sealed record SseEvent(string? Id, JsonElement Data);

/// <summary>
/// Reads SSE events from an open response body, skipping comments; every read has a deadline. Events with empty data
/// (priming events, retry announcements) are not returned but recorded in <see cref="Empty"/>.
/// </summary>
internal sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    public List<(string? Id, int? Retry)> Empty { get; } = [];

    public async Task<SseEvent> Next(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? id = null;
        string? data = null;
        int? retry = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token)
                ?? throw new EndOfStreamException("the SSE stream ended");
            if (line.Length == 0)
            {
                if (data is { Length: > 0 })
                {
                    return new SseEvent(id, JsonElement.Parse(data));
                }
                if (data is not null)
                {
                    Empty.Add((id, retry));
                }
                (id, data, retry) = (null, null, null);
                continue;
            }
            if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
            else if (line.StartsWith("retry:", StringComparison.Ordinal))
            {
                retry = int.Parse(line[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = line[5..].TrimStart();
            }
        }
    }

    /// <summary>Every event until the server ends the stream.</summary>
    public async Task<List<SseEvent>> ReadToEnd()
    {
        var all = new List<SseEvent>();
        try
        {
            while (true)
            {
                all.Add(await Next());
            }
        }
        catch (EndOfStreamException)
        {
            return all;
        }
    }

    public void Dispose() => _reader.Dispose();
}
