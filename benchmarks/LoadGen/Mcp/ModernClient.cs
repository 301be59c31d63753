using System.Buffers.Text;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Tests.WireFormat;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>
/// A 2026-07-28 client over one connection: no session, every POST carries everything itself (the version header and
/// <c>_meta</c>, <c>Mcp-Method</c>, <c>Mcp-Name</c>). With a handle (minted by <c>echo</c> with <c>"session": "new"</c>),
/// every call passes it back, mirrored into <c>Mcp-Param-Session</c>, and the answer's echo count must advance by one.
/// </summary>
public sealed class ModernClient(RawHttpConnection http)
{
    public const string Version = "2026-07-28";
    private const string McpPath = "/mcp";
    private const string Meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"" + Version
        + "\",\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static readonly KeyValuePair<string, string>[] Plain =
    [
        McpSession.JsonContent, McpSession.AcceptBoth, new("MCP-Protocol-Version", Version), new("Mcp-Method", "tools/call"),
        new("Mcp-Name", "echo"),
    ];
    private KeyValuePair<string, string>[] _headers = Plain;
    private string _sessionArgument = "";
    private long _nextId = 1;
    private long _echoCount;

    /// <summary>The handle every call passes back; null for plain stateless calls.</summary>
    public string? Handle { get; private set; }

    public RawHttpConnection Connection => http;

    /// <summary>Mints a handle (<c>echo</c> with <c>"session": "new"</c>); later calls pass it back.</summary>
    public async Task MintHandle(CancellationToken cancel)
    {
        UseSession("new");
        var id = _nextId++;
        var message = "mint";
        var answer = await http.Send("POST", McpPath, _headers, Body(id, message), cancel);
        if (EchoValidator.Check(answer, id, Encoding.UTF8.GetBytes(message)) is { } problem)
        {
            throw new McpFailure($"echo with session \"new\": {problem}");
        }
        Handle = ResultString(answer.Body.Span, "\"session\":\""u8)
            ?? throw new McpFailure("echo with session \"new\": no structuredContent.session in the answer");
        _echoCount = ResultNumber(answer.Body.Span, "\"echoCount\":"u8) ?? 1;
        UseSession(Handle);
    }

    /// <summary>One tools/call echo; null when the answer is right (and, with a handle, counts the next echo), else what was wrong.</summary>
    public async Task<string?> Echo(string message, CancellationToken cancel)
    {
        var id = _nextId++;
        var answer = await http.Send("POST", McpPath, _headers, Body(id, message), cancel);
        var problem = EchoValidator.Check(answer, id, Encoding.UTF8.GetBytes(message));
        if (problem is not null || Handle is null)
        {
            return problem;
        }
        var count = ResultNumber(answer.Body.Span, "\"echoCount\":"u8);
        if (count != _echoCount + 1)
        {
            return $"handle echo count {count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing"}, expected {_echoCount + 1}";
        }
        _echoCount++;
        return ResultString(answer.Body.Span, "\"session\":\""u8) == Handle ? null : "the answer names another handle";
    }

    private byte[] Body(long id, string message) => Encoding.UTF8.GetBytes(
        "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":"
        + Requests.Json(message) + _sessionArgument + "}," + Meta + "}}");

    private void UseSession(string session)
    {
        _headers = [.. Plain, new("Mcp-Param-Session", session)];
        _sessionArgument = ",\"session\":" + Requests.Json(session);
    }

    /// <summary>The string after the last <paramref name="key"/> (structuredContent comes after the text that may quote it).</summary>
    private static string? ResultString(ReadOnlySpan<byte> body, ReadOnlySpan<byte> key)
    {
        var at = body.LastIndexOf(key);
        if (at < 0)
        {
            return null;
        }
        var rest = body[(at + key.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    private static long? ResultNumber(ReadOnlySpan<byte> body, ReadOnlySpan<byte> key)
    {
        var at = body.LastIndexOf(key);
        return at >= 0 && Utf8Parser.TryParse(body[(at + key.Length)..], out long value, out _) ? value : null;
    }
}
