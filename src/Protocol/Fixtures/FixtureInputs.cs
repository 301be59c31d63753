using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>How a key the fixture asked for stands in a retry.</summary>
public enum InputStatus
{
    /// <summary>The client answered: <see cref="InputAnswer.Text"/> is the value.</summary>
    Given,

    /// <summary>No answer (or an accepted form without the field): ask again.</summary>
    Missing,

    /// <summary>The user declined or cancelled the elicitation (<see cref="InputAnswer.Text"/> is the action): an answer too.</summary>
    Declined,

    /// <summary>The answer is not the result the request asked for (<see cref="InputAnswer.Text"/> says why): -32602.</summary>
    Invalid,
}

/// <summary>The client's answer to one input request, read as the fixture needs it.</summary>
public sealed record InputAnswer(InputStatus Status, string? Text = null)
{
    public static readonly InputAnswer Missing = new(InputStatus.Missing);

    /// <summary>The -32602 error an invalid answer is.</summary>
    public CallError Error() => new(JsonRpcErrors.InvalidParams, Text!);
}

/// <summary>
/// The input requests of the 2026-07-28 fixtures (elicitation, sampling, roots) and readers of the client's answers:
/// what counts as missing (ask again), declined, or not the result asked for (-32602).
/// </summary>
public static class FixtureInputs
{
    /// <summary>An elicitation/create (form mode) of the one field <paramref name="field"/> of <paramref name="type"/>.</summary>
    public static InputRequest Elicit(string key, string message, string field, string type = "string") =>
        new(key, "elicitation/create", JsonText.Object(json =>
        {
            json.WriteString("mode", "form");
            json.WriteString("message", message);
            json.WriteStartObject("requestedSchema");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            json.WriteStartObject(field);
            json.WriteString("type", type);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("required");
            json.WriteStringValue(field);
            json.WriteEndArray();
            json.WriteEndObject();
        }));

    /// <summary>A sampling/createMessage of one user text message.</summary>
    public static InputRequest Sample(string key, string text, int maxTokens) =>
        new(key, "sampling/createMessage", JsonText.Object(json =>
        {
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WriteStartObject("content");
            json.WriteString("type", "text");
            json.WriteString("text", text);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteNumber("maxTokens", maxTokens);
        }));

    public static InputRequest Roots(string key) => new(key, "roots/list", "{}");

    /// <summary>The capabilities of <paramref name="needed"/> the request did not declare, in order.</summary>
    public static ImmutableArray<string> Undeclared(StatelessCall call, params string[] needed) =>
        [.. needed.Where(capability => !call.Meta.Declares(capability))];

    /// <summary>The -32021 refusal for capabilities the fixture cannot do without (the server sets the id).</summary>
    public static RefusedCall Refuse(IReadOnlyCollection<string> capabilities) =>
        new(StatelessRefusal.MissingCapabilities(null, capabilities));

    /// <summary>An ElicitResult: the form field <paramref name="field"/> (a string, or a boolean shown as true/false).</summary>
    public static InputAnswer Elicited(StatelessCall call, string key, string field)
    {
        if (Read(call, key) is not { } result)
        {
            return Problem(call, key);
        }
        if (!result.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
        {
            return Invalid(key, "an ElicitResult with action accept, decline or cancel", result);
        }
        switch (action.GetString())
        {
            case "decline" or "cancel":
                return new(InputStatus.Declined, action.GetString());
            case not "accept":
                return Invalid(key, "an ElicitResult with action accept, decline or cancel", result);
        }
        if (!result.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object
            || !content.TryGetProperty(field, out var value))
        {
            return InputAnswer.Missing;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => new(InputStatus.Given, value.GetString()),
            JsonValueKind.True or JsonValueKind.False => new(InputStatus.Given, value.GetRawText()),
            _ => Invalid(key, $"content.{field} as the requested schema says", result),
        };
    }

    /// <summary>A CreateMessageResult: its text (the first text item), or the type of what it returned instead.</summary>
    public static InputAnswer Sampled(StatelessCall call, string key)
    {
        if (Read(call, key) is not { } result)
        {
            return Problem(call, key);
        }
        if (!result.TryGetProperty("content", out var content)
            || content.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return Invalid(key, "a CreateMessageResult with content", result);
        }
        var items = content.ValueKind == JsonValueKind.Array ? [.. content.EnumerateArray()] : new[] { content };
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString() == "text" && item.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                    ? new(InputStatus.Given, text.GetString())
                    : new(InputStatus.Given, $"<{type.GetString()} content>");
            }
        }
        return Invalid(key, "a CreateMessageResult whose content has a type", result);
    }

    /// <summary>A ListRootsResult: how many roots the client has.</summary>
    public static InputAnswer Listed(StatelessCall call, string key)
    {
        if (Read(call, key) is not { } result)
        {
            return Problem(call, key);
        }
        return result.TryGetProperty("roots", out var roots) && roots.ValueKind == JsonValueKind.Array
            ? new(InputStatus.Given, roots.GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture))
            : Invalid(key, "a ListRootsResult with a roots array", result);
    }

    /// <summary>The answer to <paramref name="request"/>, read by its method.</summary>
    public static InputAnswer Of(StatelessCall call, InputRequest request, string elicitedField) => request.Method switch
    {
        "elicitation/create" => Elicited(call, request.Key, elicitedField),
        "sampling/createMessage" => Sampled(call, request.Key),
        _ => Listed(call, request.Key),
    };

    private static JsonElement? Read(StatelessCall call, string key) => InputRequired.Answer(call.Responses, key).Response;

    private static InputAnswer Problem(StatelessCall call, string key) =>
        InputRequired.Answer(call.Responses, key).Problem is { } problem ? new(InputStatus.Invalid, problem) : InputAnswer.Missing;

    private static InputAnswer Invalid(string key, string expected, JsonElement result)
    {
        var shown = result.GetRawText();
        return new(InputStatus.Invalid,
            $"Invalid params: inputResponses.{key} must be {expected}, got {(shown.Length > 200 ? shown[..200] + "..." : shown)}");
    }
}
