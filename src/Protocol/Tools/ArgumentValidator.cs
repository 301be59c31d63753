using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Checks a tool's arguments against its declared schema; returns a clear message or null.</summary>
public static class ArgumentValidator
{
    /// <summary>Against the arguments the session revisions declare (the original server's).</summary>
    public static string? Validate(ToolDefinition tool, JsonElement arguments) => Validate(tool, tool.Arguments, arguments);

    /// <param name="declared">The tool's arguments in the request's revision.</param>
    public static string? Validate(ToolDefinition tool, ImmutableArray<ToolArgument> declared, JsonElement arguments)
    {
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return $"Arguments of tool '{tool.Name}' must be a JSON object, got {Describe(arguments.ValueKind)}.";
        }

        foreach (var property in arguments.EnumerateObject())
        {
            var argument = Find(declared, property.Name);
            if (argument is null)
            {
                var allowed = declared.IsEmpty ? "none" : string.Join(", ", declared.Select(a => a.Name));
                return $"Unknown argument '{property.Name}' for tool '{tool.Name}'. Allowed arguments: {allowed}.";
            }
            if (!Matches(argument.Type, property.Value))
            {
                return $"Argument '{argument.Name}' of tool '{tool.Name}' must be {Article(argument.JsonType)} {argument.JsonType}, got {Describe(property.Value.ValueKind)}.";
            }
        }

        foreach (var argument in declared)
        {
            if (argument.Required && !arguments.TryGetProperty(argument.Name, out _))
            {
                return $"Missing required argument '{argument.Name}' ({argument.JsonType}) for tool '{tool.Name}'.";
            }
        }
        return null;
    }

    private static ToolArgument? Find(ImmutableArray<ToolArgument> declared, string name)
    {
        foreach (var argument in declared)
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
