using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Tests.WireFormat;

/// <summary>Reads the answer to a POST: a JSON body, or an event stream that carries the response among other messages.</summary>
public static class Answers
{
    private const string NotThisId = "no JSON-RPC response with that id";

    /// <summary>
    /// Checks the answer to an echo tools/call: the response to <paramref name="id"/>, a result that is not an error, and a
    /// first text content that starts with <paramref name="message"/>. Null when all is right; else what is wrong. A
    /// forward-only scan with no DOM, cheap enough for the load generator to check every answer.
    /// </summary>
    public static string? CheckEcho(ReadOnlySpan<byte> body, bool eventStream, long id, ReadOnlySpan<byte> message)
    {
        if (!eventStream)
        {
            return CheckEchoResponse(body, id, message);
        }
        foreach (var item in SseEventBuilder.Events(body))
        {
            var problem = item.HasData ? CheckEchoResponse(item.Data, id, message) : NotThisId;
            if (problem != NotThisId)
            {
                return problem;
            }
        }
        return $"no JSON-RPC response with id {id} in the SSE answer";
    }

    /// <summary>The JSON-RPC message whose id is <paramref name="id"/>: the JSON body, or one event's data; else null.</summary>
    public static JsonElement? Find(ReadOnlySpan<byte> body, bool eventStream, long id)
    {
        if (!eventStream)
        {
            return ParseOrNull(body) is { } json && HasId(json, id) ? json : null;
        }
        foreach (var item in SseEventBuilder.Events(body))
        {
            if (item.HasData && ParseOrNull(item.Data) is { } json && HasId(json, id))
            {
                return json;
            }
        }
        return null;
    }

    private static string? CheckEchoResponse(ReadOnlySpan<byte> json, long id, ReadOnlySpan<byte> message)
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
                        textOk = reader.TokenType == JsonTokenType.String && StartsWith(ref reader, message);
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

    /// <summary>
    /// Whether the string token starts with <paramref name="message"/>. The raw bytes decide when they match and the
    /// message has no backslash (then no escape can stand in that prefix); otherwise the unescaped text does.
    /// </summary>
    private static bool StartsWith(ref Utf8JsonReader reader, ReadOnlySpan<byte> message) =>
        reader.ValueSpan.StartsWith(message) && !message.Contains((byte)'\\')
        || reader.ValueIsEscaped && reader.GetString()!.StartsWith(Encoding.UTF8.GetString(message), StringComparison.Ordinal);

    private static bool HasId(JsonElement json, long id) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("id", out var value)
        && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number == id;

    private static JsonElement? ParseOrNull(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
