using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Tests.WireFormat;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>One MCP session over one connection: initialize, echo calls, logging level, GET stream, DELETE.</summary>
public sealed class McpSession(RawHttpConnection http, string path = "/mcp")
{
    public const string RequestedVersion = "2025-06-18";
    internal static readonly KeyValuePair<string, string> JsonContent = new("Content-Type", "application/json");
    internal static readonly KeyValuePair<string, string> AcceptBoth = new("Accept", "application/json, text/event-stream");
    private KeyValuePair<string, string>[] _headers = [JsonContent, AcceptBoth];
    private long _nextId = 1;

    public string? SessionId { get; private set; }
    public RawHttpConnection Connection => http;

    /// <summary>initialize, then notifications/initialized; throws <see cref="McpFailure"/> if either is refused.</summary>
    public async Task Initialize(CancellationToken cancel)
    {
        var id = _nextId++;
        var init = Encoding.UTF8.GetBytes(Requests.Initialize(id, RequestedVersion, "akka-mcp-echo-loadgen"));
        var answer = await http.Send("POST", path, _headers, init, cancel);
        if (answer.Status != 200 || answer.SessionId is null)
        {
            throw new McpFailure($"initialize: HTTP {answer.Status}, session id {(answer.SessionId is null ? "missing" : "present")}");
        }
        var version = EchoValidator.NegotiatedVersion(answer, id) ?? throw new McpFailure("initialize: no protocolVersion in the result");
        SessionId = answer.SessionId;
        _headers = [JsonContent, AcceptBoth, new("Mcp-Session-Id", SessionId), new("MCP-Protocol-Version", version)];
        var initialized = await http.Send("POST", path, _headers, Encoding.UTF8.GetBytes(Requests.Initialized), cancel);
        if (initialized.Status is not (202 or 200 or 204))
        {
            throw new McpFailure($"notifications/initialized: HTTP {initialized.Status}");
        }
    }

    /// <summary>One tools/call echo; returns null when the answer is right, else what was wrong.</summary>
    public Task<string?> Echo(string message, CancellationToken cancel) => Echo(message, http, cancel);

    /// <summary>One tools/call echo sent over <paramref name="via"/> (another node's connection, in a cluster).</summary>
    public async Task<string?> Echo(string message, RawHttpConnection via, CancellationToken cancel)
    {
        var id = _nextId++;
        var body = Encoding.UTF8.GetBytes(Requests.Echo(id, message));
        var answer = await via.Send("POST", path, _headers, body, cancel);
        return EchoValidator.Check(answer, id, Encoding.UTF8.GetBytes(message));
    }

    /// <summary>A tools/call of <paramref name="tool"/> without arguments: the text of its first content item, or null.</summary>
    public async Task<string?> ToolText(string tool, CancellationToken cancel)
    {
        var id = _nextId++;
        var answer = await http.Send("POST", path, _headers, Encoding.UTF8.GetBytes(Requests.CallTool(id, tool)), cancel);
        return answer.Status == 200 && EchoValidator.Response(answer, id) is { } reply && reply.TryGetProperty("result", out var result)
            && result.TryGetProperty("content", out var content) && content.GetArrayLength() > 0
            ? content[0].GetProperty("text").GetString()
            : null;
    }

    public async Task SetLogLevel(string level, CancellationToken cancel)
    {
        var id = _nextId++;
        var body = Encoding.UTF8.GetBytes(Requests.SetLevel(id, level));
        var answer = await http.Send("POST", path, _headers, body, cancel);
        if (answer.Status != 200 || EchoValidator.Response(answer, id) is not { } reply || reply.TryGetProperty("error", out _))
        {
            throw new McpFailure($"logging/setLevel: HTTP {answer.Status}");
        }
    }

    /// <summary>Opens the session's GET stream on <paramref name="streamConnection"/> (a second connection).</summary>
    public async Task OpenStream(RawHttpConnection streamConnection, CancellationToken cancel)
    {
        var headers = new KeyValuePair<string, string>[] { new("Accept", "text/event-stream"), _headers[2], _headers[3] };
        var head = await streamConnection.OpenStream(path, headers, cancel);
        if (head.Status != 200 || !head.EventStream)
        {
            throw new McpFailure($"GET stream: HTTP {head.Status}");
        }
    }

    /// <summary>DELETE; true when the server answered 2xx.</summary>
    public Task<bool> Delete(CancellationToken cancel) => Delete(http, cancel);

    /// <summary>DELETE sent over <paramref name="via"/>; true when the server answered 2xx.</summary>
    public async Task<bool> Delete(RawHttpConnection via, CancellationToken cancel)
    {
        var answer = await via.Send("DELETE", path, _headers.AsSpan(2).ToArray(), default, cancel);
        return answer.Status is >= 200 and < 300;
    }

    /// <summary>A ping sent over <paramref name="via"/>; the HTTP status (404 once the session has ended or expired).</summary>
    public async Task<int> Ping(RawHttpConnection via, CancellationToken cancel)
    {
        var body = Encoding.UTF8.GetBytes(Requests.Ping(_nextId++));
        return (await via.Send("POST", path, _headers, body, cancel)).Status;
    }

    /// <summary>Points this session object at another server-side session (used to reuse one connection for many).</summary>
    public McpSession Rebind(string sessionId)
    {
        SessionId = sessionId;
        _headers = [JsonContent, AcceptBoth, new("Mcp-Session-Id", sessionId), _headers.Length > 3 ? _headers[3] : new("MCP-Protocol-Version", RequestedVersion)];
        return this;
    }
}

public sealed class McpFailure(string message) : Exception(message);
