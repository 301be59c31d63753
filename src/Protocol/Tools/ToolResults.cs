using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>How a default tool's outcome looks on the wire: a CallToolResult with one text item.</summary>
public static class ToolResults
{
    public static void WriteMembers(Utf8JsonWriter json, string text, bool isError, string? structuredJson = null)
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
        if (structuredJson is not null)
        {
            json.WritePropertyName("structuredContent");
            json.WriteRawValue(structuredJson, skipInputValidation: true);
        }
    }

    public static void Write(Utf8JsonWriter json, string text, bool isError)
    {
        json.WriteStartObject();
        WriteMembers(json, text, isError);
        json.WriteEndObject();
    }

    /// <summary>A 2026-07-28 tools/call result: the revision's members, then the outcome.</summary>
    public static string Stateless(string text, bool isError, string? structuredJson) =>
        JsonText.Object(json => WriteStatelessMembers(json, text, isError, structuredJson));

    /// <summary>What <see cref="Stateless"/> renders, written as one object straight into a reply.</summary>
    public static void WriteStateless(Utf8JsonWriter json, string text, bool isError, string? structuredJson)
    {
        json.WriteStartObject();
        WriteStatelessMembers(json, text, isError, structuredJson);
        json.WriteEndObject();
    }

    private static void WriteStatelessMembers(Utf8JsonWriter json, string text, bool isError, string? structuredJson)
    {
        Protocol.Stateless.StatelessResults.WriteHead(json);
        WriteMembers(json, text, isError, structuredJson);
    }
}
