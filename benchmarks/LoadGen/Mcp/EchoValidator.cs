using System.Text.Json;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Finds the JSON-RPC response in a JSON or SSE answer and checks it: id, a result, the echoed text.</summary>
public static class EchoValidator
{
    /// <summary>Null when the answer is right; else what was wrong. A forward-only scan: no DOM per response.</summary>
    public static string? Check(HttpAnswer answer, long id, ReadOnlySpan<byte> message)
    {
        if (answer.Status != 200)
        {
            return $"HTTP {answer.Status}";
        }
        if (!answer.EventStream)
        {
            return CheckResponse(answer.Body.Span, id, message);
        }
        foreach (var data in SseEvents.Data(answer.Body.Span))
        {
            var problem = CheckResponse(data, id, message);
            if (problem != NotThisId)
            {
                return problem;
            }
        }
        return $"no JSON-RPC response with id {id} in the SSE answer";
    }

    private const string NotThisId = "no JSON-RPC response with that id";

    private static string? CheckResponse(ReadOnlySpan<byte> json, long id, ReadOnlySpan<byte> message)
    {
        bool idOk = false, hasResult = false, hasError = false, isError = false, textOk = false, inContent = false;
        var contentObjects = 0;
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        hasError |= reader.ValueTextEquals("error"u8);
                        hasResult |= reader.ValueTextEquals("result"u8);
                        if (reader.ValueTextEquals("id"u8))
                        {
                            reader.Read();
                            idOk = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value == id;
                        }
                        break;
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 2 && hasResult:
                        inContent |= reader.ValueTextEquals("content"u8);
                        if (reader.ValueTextEquals("isError"u8))
                        {
                            reader.Read();
                            isError = reader.TokenType == JsonTokenType.True;
                        }
                        break;
                    case JsonTokenType.StartObject when inContent && reader.CurrentDepth == 3:
                        contentObjects++;
                        break;
                    case JsonTokenType.EndArray when inContent && reader.CurrentDepth == 2:
                        inContent = false;
                        break;
                    case JsonTokenType.PropertyName when inContent && contentObjects == 1 && reader.CurrentDepth == 4 && reader.ValueTextEquals("text"u8):
                        reader.Read();
                        // The messages sent hold no character JSON escapes, so the raw bytes can be compared.
                        textOk = reader.TokenType == JsonTokenType.String && reader.ValueSpan.StartsWith(message);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            return "invalid JSON: " + e.Message;
        }
        return !idOk ? NotThisId
            : hasError ? "a JSON-RPC error instead of a result"
            : !hasResult ? "no result"
            : isError ? "isError: true"
            : !textOk ? "the first text content does not start with the message sent"
            : null;
    }

    public static string? NegotiatedVersion(HttpAnswer answer, long id) =>
        Response(answer, id) is { } response && response.TryGetProperty("result", out var result)
            && result.ValueKind == JsonValueKind.Object && result.TryGetProperty("protocolVersion", out var version)
            ? version.GetString() : null;

    /// <summary>The JSON-RPC message whose id is <paramref name="id"/>: the JSON body, or one SSE event's data.</summary>
    public static JsonElement? Response(HttpAnswer answer, long id)
    {
        if (!answer.EventStream)
        {
            return McpSession.ParseOrNull(answer.Body.Span) is { } json && HasId(json, id) ? json : null;
        }
        foreach (var data in SseEvents.Data(answer.Body.Span))
        {
            if (McpSession.ParseOrNull(data) is { } json && HasId(json, id))
            {
                return json;
            }
        }
        return null;
    }

    private static bool HasId(JsonElement json, long id) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number == id;
}
