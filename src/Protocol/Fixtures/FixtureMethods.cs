using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// The resources, prompts and completion methods of conformance fixture mode (without it these are -32601: the server
/// then claims none of these capabilities).
/// </summary>
public static class FixtureMethods
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "resources/list", "resources/templates/list", "resources/read", "resources/subscribe", "resources/unsubscribe",
        "prompts/list", "prompts/get", "completion/complete",
    };

    public static FixtureAnswer Answer(string method, JsonElement parameters) =>
        method switch
        {
            "resources/list" => FixtureAnswer.Ok(FixtureResources.ListJson),
            "resources/templates/list" => FixtureAnswer.Ok(FixtureResources.TemplatesJson),
            "resources/read" => WithString(parameters, "uri", FixtureResources.Read),
            "resources/subscribe" or "resources/unsubscribe" => WithString(parameters, "uri", FixtureResources.Subscription),
            "prompts/list" => FixtureAnswer.Ok(FixturePrompts.ListJson),
            "prompts/get" => WithString(parameters, "name", name =>
                FixturePrompts.Get(name, parameters.TryGetProperty("arguments", out var arguments) ? arguments : default)),
            _ => Complete(parameters),
        };

    private static FixtureAnswer Complete(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object
            || !parameters.TryGetProperty("ref", out var reference) || reference.ValueKind != JsonValueKind.Object
            || String(reference, "type") is not { } type
            || !parameters.TryGetProperty("argument", out var argument) || argument.ValueKind != JsonValueKind.Object
            || String(argument, "name") is not { } name || String(argument, "value") is not { } value)
        {
            return FixtureAnswer.Error(JsonRpcErrors.InvalidParams,
                "Invalid params: completion/complete needs ref {type, name|uri} and argument {name, value}");
        }
        return FixturePrompts.Complete(type, String(reference, "name") ?? String(reference, "uri") ?? "", name, value);
    }

    private static FixtureAnswer WithString(JsonElement parameters, string property, Func<string, FixtureAnswer> answer) =>
        String(parameters, property) is { } value
            ? answer(value)
            : FixtureAnswer.Error(JsonRpcErrors.InvalidParams, $"Invalid params: params.{property} must be a string");

    private static string? String(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
