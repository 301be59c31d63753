using System.Text;
using System.Text.RegularExpressions;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>
/// Reads an event stream (GET /mcp, or a POST answered as SSE) line by line with the load generator's SSE parser, and
/// asserts every line is one the server writes. Events without data (priming events, retry announcements) are kept in
/// <see cref="Empty"/>, comments (keep-alives) in <see cref="Comments"/>; the other events are returned.
/// </summary>
public sealed partial class SseReader(HttpResponseMessage response, Stream body) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly StreamReader _reader = new(body, Encoding.UTF8);
    private readonly SseEventBuilder _events = new();

    public HttpResponseMessage Response { get; } = response;

    public List<string> Comments { get; } = [];

    public List<SseEvent> Empty { get; } = [];

    /// <summary>The next line, as is; null when the stream has ended.</summary>
    public async Task<string?> ReadLine(CancellationToken cancel) => await _reader.ReadLineAsync(cancel);

    /// <summary>The next event with data; null when the stream ends first.</summary>
    public async Task<SseEvent?> NextEvent(CancellationToken cancel)
    {
        while (await ReadLine(cancel) is { } line)
        {
            if (line.StartsWith(':'))
            {
                Comments.Add(line);
                continue;
            }
            Assert.True(line.Length == 0 || FieldLine().IsMatch(line), $"Not an SSE line: {line}");
            if (_events.Add(Encoding.UTF8.GetBytes(line)) is not { } item)
            {
                continue;
            }
            if (item.HasData)
            {
                return item;
            }
            Empty.Add(item);
        }
        return null;
    }

    /// <summary>The next event with data; throws <see cref="EndOfStreamException"/> when the stream ends first.</summary>
    public async Task<SseEvent> Next(CancellationToken cancel) =>
        await NextEvent(cancel) ?? throw new EndOfStreamException("the SSE stream ended");

    /// <summary>The next event with data, within <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<SseEvent> Next(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? Patience);
        return await Next(deadline.Token);
    }

    /// <summary>Every event with data until the server ends the stream, each within 10 s.</summary>
    public async Task<List<SseEvent>> ReadToEnd()
    {
        var all = new List<SseEvent>();
        while (true)
        {
            using var deadline = new CancellationTokenSource(Patience);
            if (await NextEvent(deadline.Token) is not { } item)
            {
                return all;
            }
            all.Add(item);
        }
    }

    /// <summary>Reads until the stream ends; fails if any event arrives or the deadline passes.</summary>
    public async Task AssertEnds(CancellationToken cancel)
    {
        var empty = Empty.Count;
        Assert.Null(await NextEvent(cancel));
        Assert.Equal(empty, Empty.Count);
    }

    public void Dispose()
    {
        _reader.Dispose();
        Response.Dispose();
    }

    [GeneratedRegex("^(id|event|data|retry): ")]
    private static partial Regex FieldLine();
}
