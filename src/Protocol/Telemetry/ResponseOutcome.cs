using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Telemetry;

/// <summary>
/// The <c>error.type</c> of a JSON-RPC answer, as the MCP semantic conventions and the official SDK set it: the error's
/// code for a JSON-RPC error, <c>tool_error</c> for a tools/call result with <c>isError</c>, otherwise none.
/// </summary>
public static class ResponseOutcome
{
    public const string ToolError = "tool_error";

    /// <summary>Reads only the top level and <c>result.isError</c>; anything that is not a JSON object has no outcome.</summary>
    public static string? ErrorType(ReadOnlySpan<byte> json, string? method)
    {
        // The server's writers never escape a member name, so an answer without either name in quotes (most answers) has
        // neither member and is not read.
        if (json.IndexOf("\"error\""u8) < 0 && json.IndexOf("\"isError\""u8) < 0)
        {
            return null;
        }
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("error"u8))
                {
                    return reader.Read() ? Code(ref reader) : null;
                }
                if (reader.ValueTextEquals("result"u8))
                {
                    return reader.Read() && IsError(ref reader) ? (method == "tools/call" ? ToolError : "_OTHER") : null;
                }
                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static string? Code(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "_OTHER";
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("code"u8);
            reader.Read();
            if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var code))
            {
                return code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            reader.Skip();
        }
        return "_OTHER";
    }

    private static bool IsError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isError = reader.ValueTextEquals("isError"u8);
            reader.Read();
            if (isError)
            {
                return reader.TokenType == JsonTokenType.True;
            }
            reader.Skip();
        }
        return false;
    }
}
