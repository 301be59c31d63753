using System.Text.Json;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Tests.WireFormat;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Checks an answer: its HTTP status, then the JSON-RPC response it carries (the tests' check of an echo answer).</summary>
public static class EchoValidator
{
    /// <summary>Null when the answer is right; else what was wrong. A forward-only scan: no DOM per response.</summary>
    public static string? Check(HttpAnswer answer, long id, ReadOnlySpan<byte> message) =>
        answer.Status != 200 ? $"HTTP {answer.Status}" : Answers.CheckEcho(answer.Body.Span, answer.EventStream, id, message);

    public static string? NegotiatedVersion(HttpAnswer answer, long id) =>
        Response(answer, id) is { } response && response.TryGetProperty("result", out var result)
            && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("protocolVersion", out var version)
            ? version.GetString() : null;

    /// <summary>The JSON-RPC message whose id is <paramref name="id"/>: the JSON body, or one SSE event's data.</summary>
    public static JsonElement? Response(HttpAnswer answer, long id) => Answers.Find(answer.Body.Span, answer.EventStream, id);
}
