using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>A conformance fixture tool: how tools/list shows it and the pure function that scripts a call.</summary>
public sealed record FixtureTool(string Name, string Description, string InputSchemaJson, Func<JsonElement, FixtureScript> Start)
{
    public const string NoArguments = """{"type":"object","properties":{},"additionalProperties":false}""";

    public static string StringArguments(params string[] names) =>
        JsonText.Object(json =>
        {
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var name in names)
            {
                json.WriteStartObject(name);
                json.WriteString("type", "string");
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("required");
            foreach (var name in names)
            {
                json.WriteStringValue(name);
            }
            json.WriteEndArray();
        });

    /// <summary>The string argument <paramref name="name"/>, or null when it is missing or not a string.</summary>
    public static string? Argument(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
