using System.Text.Json;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Mcp;

/// <summary>Finds the JSON-RPC response in a JSON or SSE answer and checks it: id, a result, the echoed text.</summary>
public static class EchoValidator
{
    public static string? Check(HttpAnswer answer, long id, string message)
    {
        if (answer.Status != 200)
        {
            return $"HTTP {answer.Status}";
        }
        if (Response(answer, id) is not { } response)
        {
            return $"no JSON-RPC response with id {id} in the {(answer.EventStream ? "SSE" : "JSON")} answer";
        }
        if (!response.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
        {
            return "no result: " + Shorten(response.GetRawText());
        }
        if (result.TryGetProperty("isError", out var isError) && isError.ValueKind == JsonValueKind.True)
        {
            return "isError: " + Shorten(result.GetRawText());
        }
        if (!result.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Array
            || content.GetArrayLength() == 0 || !content[0].TryGetProperty("text", out var text)
            || text.ValueKind != JsonValueKind.String)
        {
            return "no text content: " + Shorten(result.GetRawText());
        }
        return text.GetString()!.StartsWith(message, StringComparison.Ordinal) ? null : "wrong text: " + Shorten(text.GetString()!);
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

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "...";
}
