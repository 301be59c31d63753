using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;
using static AkkaMcpEcho.Protocol.JsonText;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>The conformance fixture prompts and completion, as pure functions.</summary>
public static class FixturePrompts
{
    public const string WithArguments = "test_prompt_with_arguments";

    private static readonly (string Name, string Description, (string Name, string Description)[] Arguments)[] Prompts =
    [
        ("test_simple_prompt", "A simple prompt without arguments", []),
        (WithArguments, "A prompt with required arguments", [("arg1", "First test argument"), ("arg2", "Second test argument")]),
        ("test_prompt_with_embedded_resource", "A prompt that includes an embedded resource", [("resourceUri", "URI of the resource to embed")]),
        ("test_prompt_with_image", "A prompt that includes an image", []),
    ];

    public static readonly string ListJson = Object(json =>
    {
        json.WriteStartArray("prompts");
        foreach (var (name, description, arguments) in Prompts)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("description", description);
            json.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                json.WriteStartObject();
                json.WriteString("name", argument.Name);
                json.WriteString("description", argument.Description);
                json.WriteBoolean("required", true);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    public static FixtureAnswer Get(string name, JsonElement arguments)
    {
        var prompt = Prompts.FirstOrDefault(p => p.Name == name);
        if (prompt.Name is null)
        {
            return FixtureAnswer.Error(JsonRpcErrors.InvalidParams, $"Invalid params: unknown prompt: {name}");
        }
        var values = new Dictionary<string, string>();
        foreach (var argument in prompt.Arguments)
        {
            if (FixtureTool.Argument(arguments, argument.Name) is not { } value)
            {
                return FixtureAnswer.Error(JsonRpcErrors.InvalidParams,
                    $"Invalid params: prompt {name} needs the string argument '{argument.Name}'");
            }
            values[argument.Name] = value;
        }
        return FixtureAnswer.Ok(Object(json =>
        {
            json.WriteString("description", prompt.Description);
            json.WriteStartArray("messages");
            switch (name)
            {
                case "test_simple_prompt":
                    Message(json, item => Text(item, "This is a simple prompt for testing."));
                    break;
                case WithArguments:
                    Message(json, item => Text(item, $"Prompt with arguments: arg1='{values["arg1"]}', arg2='{values["arg2"]}'"));
                    break;
                case "test_prompt_with_embedded_resource":
                    Message(json, item => Resource(item, values["resourceUri"], "text/plain", "Embedded resource content for testing."));
                    Message(json, item => Text(item, "Please process the embedded resource above."));
                    break;
                default:
                    Message(json, item => Binary(item, "image", FixtureData.Png, "image/png"));
                    Message(json, item => Text(item, "Please analyze the image above."));
                    break;
            }
            json.WriteEndArray();
        }));
    }

    /// <summary>completion/complete for the fixture prompt's arguments: suggestions that start with the typed value.</summary>
    public static FixtureAnswer Complete(string refType, string refName, string argument, string value)
    {
        if (refType == "ref/prompt" && Prompts.All(p => p.Name != refName))
        {
            return FixtureAnswer.Error(JsonRpcErrors.InvalidParams, $"Invalid params: unknown prompt: {refName}");
        }
        string[] candidates = refType == "ref/prompt" && refName == WithArguments
            ? [$"{argument}-alpha", $"{argument}-beta", "test", "testValue1", "testValue2"]
            : [];
        var matches = candidates.Where(c => c.StartsWith(value, StringComparison.OrdinalIgnoreCase)).ToArray();
        return FixtureAnswer.Ok(Object(json =>
        {
            json.WriteStartObject("completion");
            json.WriteStartArray("values");
            foreach (var match in matches)
            {
                json.WriteStringValue(match);
            }
            json.WriteEndArray();
            json.WriteNumber("total", matches.Length);
            json.WriteBoolean("hasMore", false);
            json.WriteEndObject();
        }));
    }

    private static void Message(Utf8JsonWriter json, Action<Utf8JsonWriter> content)
    {
        json.WriteStartObject();
        json.WriteString("role", "user");
        json.WritePropertyName("content");
        content(json);
        json.WriteEndObject();
    }
}
