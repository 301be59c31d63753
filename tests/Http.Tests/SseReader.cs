using System.Text;

namespace AkkaMcpEcho.Http.Tests;

/// <summary>One server-sent event: its id (if any), its event name and its data.</summary>
public sealed record SseEvent(string? Id, string? Event, string Data);

/// <summary>Reads a GET /mcp stream line by line, every read bounded by a deadline.</summary>
public sealed class SseReader(HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public HttpResponseMessage Response { get; } = response;

    /// <summary>Comment lines (": ...") seen so far, e.g. keep-alives.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>Opens GET /mcp for <paramref name="sessionId"/> and returns once the response headers have arrived.</summary>
    public static async Task<SseReader> Open(EchoServerHost server, string sessionId, CancellationToken cancel)
    {
        var request = EchoServerHost.CreateRequest(HttpMethod.Get, sessionId, "text/event-stream");
        var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel);
        return new SseReader(response, await response.Content.ReadAsStreamAsync(cancel));
    }

    /// <summary>The next line, or null when the stream has ended.</summary>
    public async Task<string?> ReadLine(CancellationToken cancel) => await _reader.ReadLineAsync(cancel);

    /// <summary>The next event, skipping comments; null when the stream ends first.</summary>
    public async Task<SseEvent?> NextEvent(CancellationToken cancel)
    {
        string? id = null, name = null;
        var data = new List<string>();
        while (await ReadLine(cancel) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    return new SseEvent(id, name, string.Join("\n", data));
                }
                continue;
            }
            if (line.StartsWith(':'))
            {
                Comments.Add(line);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line["id: ".Length..];
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
            else
            {
                Assert.Fail($"Not an SSE line: {line}");
            }
        }
        return null;
    }

    /// <summary>Reads until the stream ends; fails if an event arrives or the deadline passes.</summary>
    public async Task AssertEnds(CancellationToken cancel)
    {
        var next = await NextEvent(cancel);
        Assert.Null(next);
    }

    public void Dispose()
    {
        _reader.Dispose();
        Response.Dispose();
    }
}
