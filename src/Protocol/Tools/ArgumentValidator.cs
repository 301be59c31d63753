using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Checks a tool's arguments against its declared schema; returns a clear message or null.</summary>
public static class ArgumentValidator
{
    public static string? Validate(ToolDefinition tool, JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return $"Arguments of tool '{tool.Name}' must be a JSON object, got {Describe(arguments.ValueKind)}.";
        }

        foreach (var property in arguments.EnumerateObject())
        {
            var declared = Find(tool, property.Name);
            if (declared is null)
            {
                var allowed = tool.Arguments.IsEmpty ? "none" : string.Join(", ", tool.Arguments.Select(a => a.Name));
                return $"Unknown argument '{property.Name}' for tool '{tool.Name}'. Allowed arguments: {allowed}.";
            }
            if (!Matches(declared.Type, property.Value))
            {
                return $"Argument '{declared.Name}' of tool '{tool.Name}' must be {Article(declared.JsonType)} {declared.JsonType}, got {Describe(property.Value.ValueKind)}.";
            }
        }

        foreach (var argument in tool.Arguments)
        {
            if (argument.Required && !arguments.TryGetProperty(argument.Name, out _))
            {
                return $"Missing required argument '{argument.Name}' ({argument.JsonType}) for tool '{tool.Name}'.";
            }
        }
        return null;
    }

    private static ToolArgument? Find(ToolDefinition tool, string name)
    {
        foreach (var argument in tool.Arguments)
        {
            if (argument.Name == name)
            {
                return argument;
            }
        }
        return null;
    }

    private static bool Matches(ArgumentType type, JsonElement value) => type switch
    {
        ArgumentType.String => value.ValueKind == JsonValueKind.String,
        ArgumentType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
    };

    private static string Article(string noun) => noun.StartsWith('i') ? "an" : "a";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Undefined => "nothing",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
