using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;

namespace AkkaMcpEcho.Protocol.JsonRpc;

/// <summary>Parses a request body as one JSON value, refusing what readers downstream would read differently.</summary>
public static class JsonBody
{
    /// <summary>
    /// Parses exactly one JSON value (no trailing content); the element owns its memory. A body that is not JSON is a
    /// parse error (-32700); JSON that two readers could read differently (a member name twice in one object) is an
    /// invalid request (-32600).
    /// </summary>
    public static bool TryParse(byte[] body, out JsonElement value, out int errorCode, [NotNullWhen(false)] out string? problem)
    {
        value = default;
        errorCode = JsonRpcErrors.ParseError;
        // The reader checks JSON syntax, not the bytes inside strings; invalid UTF-8 would fail later, at GetString.
        if (!Utf8.IsValid(body))
        {
            problem = "Parse error: the body is not valid UTF-8";
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            var parsed = JsonElement.ParseValue(ref reader);
            if (reader.Read())
            {
                problem = "Parse error: unexpected content after the JSON value";
                return false;
            }
            if (JsonBodyScan.Find(body) is { } found)
            {
                (errorCode, problem) = found;
                return false;
            }
            value = parsed;
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = "Parse error: " + e.Message;
            return false;
        }
    }
}
