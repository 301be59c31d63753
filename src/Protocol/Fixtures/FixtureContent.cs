using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>Writers of MCP content items (text, image, audio, embedded resource) into a JSON writer.</summary>
public static class FixtureContent
{
    public static void Text(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "text");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    public static void Binary(Utf8JsonWriter json, string type, string data, string mimeType)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("data", data);
        json.WriteString("mimeType", mimeType);
        json.WriteEndObject();
    }

    public static void Resource(Utf8JsonWriter json, string uri, string mimeType, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "resource");
        json.WriteStartObject("resource");
        json.WriteString("uri", uri);
        json.WriteString("mimeType", mimeType);
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A tools/call result whose content array <paramref name="items"/> writes.</summary>
    public static string ToolResult(Action<Utf8JsonWriter> items, bool isError = false) =>
        JsonText.Object(json =>
        {
            json.WriteStartArray("content");
            items(json);
            json.WriteEndArray();
            if (isError)
            {
                json.WriteBoolean("isError", true);
            }
        });

    public static string TextResult(string text, bool isError = false) =>
        JsonText.Object(json => Tools.ToolResults.WriteMembers(json, text, isError));
}
