using System.Text.Json;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>The fixture tools that ask the client something: sampling/createMessage and elicitation/create.</summary>
public static class FixtureClientRequests
{
    public const string DefaultsSchema =
        """{"type":"object","properties":{"name":{"type":"string","description":"User name","default":"John Doe"},"age":{"type":"integer","description":"User age","default":30},"score":{"type":"number","description":"User score","default":95.5},"status":{"type":"string","description":"User status","enum":["active","inactive","pending"],"default":"active"},"verified":{"type":"boolean","description":"Verification status","default":true}},"required":[]}""";

    public const string EnumsSchema =
        """{"type":"object","properties":{"untitledSingle":{"type":"string","description":"Choose one option","enum":["option1","option2","option3"]},"titledSingle":{"type":"string","description":"Choose one titled option","oneOf":[{"const":"value1","title":"First Option"},{"const":"value2","title":"Second Option"},{"const":"value3","title":"Third Option"}]},"legacyEnum":{"type":"string","description":"Choose one (legacy)","enum":["opt1","opt2","opt3"],"enumNames":["Option One","Option Two","Option Three"]},"untitledMulti":{"type":"array","description":"Choose several options","items":{"type":"string","enum":["option1","option2","option3"]}},"titledMulti":{"type":"array","description":"Choose several titled options","items":{"anyOf":[{"const":"value1","title":"First Choice"},{"const":"value2","title":"Second Choice"},{"const":"value3","title":"Third Choice"}]}}},"required":[]}""";

    private const string UserSchema =
        """{"type":"object","properties":{"username":{"type":"string","description":"User's response"},"email":{"type":"string","description":"User's email address"}},"required":["username","email"]}""";

    public static FixtureScript Sampling(JsonElement arguments)
    {
        if (FixtureTool.Argument(arguments, "prompt") is not { } prompt)
        {
            return FixtureTools.MissingArgument("test_sampling", "prompt");
        }
        var request = JsonText.Object(json =>
        {
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WritePropertyName("content");
            Text(json, prompt);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNumber("maxTokens", 100);
        });
        return FixtureScript.Of(new AskClientStep("sampling/createMessage", request, answer =>
            Answered(answer, "sampling/createMessage", result =>
                "LLM response: " + (result.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                    && content.TryGetProperty("text", out var text) ? text.ToString() : result.GetRawText()))));
    }

    public static FixtureScript Elicitation(JsonElement arguments) =>
        FixtureTool.Argument(arguments, "message") is { } message
            ? Elicit(message, UserSchema)
            : FixtureTools.MissingArgument("test_elicitation", "message");

    public static FixtureScript Elicit(string message, string schemaJson)
    {
        var request = JsonText.Object(json =>
        {
            json.WriteString("message", message);
            json.WritePropertyName("requestedSchema");
            json.WriteRawValue(schemaJson);
        });
        return FixtureScript.Of(new AskClientStep("elicitation/create", request, answer =>
            Answered(answer, "elicitation/create", result =>
                $"User response: action={(result.TryGetProperty("action", out var action) ? action.ToString() : "?")}, content="
                + (result.TryGetProperty("content", out var content) ? content.GetRawText() : "{}"))));
    }

    /// <summary>The result text for a client answer, or a tool execution error for a JSON-RPC error or no answer.</summary>
    private static FixtureScript Answered(JsonElement? answer, string method, Func<JsonElement, string> describe)
    {
        if (answer is not { } response)
        {
            return FixtureScript.Result(TextResult($"The client did not answer {method} in time", isError: true));
        }
        if (response.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
        {
            return FixtureScript.Result(TextResult(describe(result)));
        }
        var error = response.TryGetProperty("error", out var e) ? e.GetRawText() : response.GetRawText();
        return FixtureScript.Result(TextResult($"The client answered {method} with an error: {error}", isError: true));
    }
}
