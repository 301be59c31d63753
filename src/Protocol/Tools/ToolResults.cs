using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>How a default tool's outcome looks on the wire: a CallToolResult with one text item.</summary>
public static class ToolResults
{
    public static void WriteMembers(Utf8JsonWriter json, string text, bool isError)
    {
        json.WriteStartArray("content");
        json.WriteStartObject();
        json.WriteString("type", "text");
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteEndArray();
        if (isError)
        {
            json.WriteBoolean("isError", true);
        }
    }

    public static void Write(Utf8JsonWriter json, string text, bool isError)
    {
        json.WriteStartObject();
        WriteMembers(json, text, isError);
        json.WriteEndObject();
    }
}
