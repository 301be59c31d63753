using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>A tool as tools/list shows it, with the pure function that runs it.</summary>
public sealed class ToolDefinition
{
    public ToolDefinition(
        string name,
        string description,
        ImmutableArray<ToolArgument> arguments,
        Func<ToolContext, ToolResult> run,
        bool needsRegistryStats = false)
    {
        Name = name;
        Description = description;
        Arguments = arguments;
        Run = run;
        NeedsRegistryStats = needsRegistryStats;
        InputSchemaJson = BuildSchema(arguments);
    }

    public string Name { get; }
    public string Description { get; }
    public ImmutableArray<ToolArgument> Arguments { get; }
    public Func<ToolContext, ToolResult> Run { get; }

    /// <summary>Whether the tool reads registry counters, which the session actor must fetch first.</summary>
    public bool NeedsRegistryStats { get; }

    /// <summary>The JSON Schema of the arguments: an object with no additional properties.</summary>
    public string InputSchemaJson { get; }

    private static string BuildSchema(ImmutableArray<ToolArgument> arguments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var argument in arguments)
            {
                json.WriteStartObject(argument.Name);
                json.WriteString("type", argument.JsonType);
                json.WriteString("description", argument.Description);
                if (argument is { Type: ArgumentType.Boolean, Required: false })
                {
                    // What the tools assume when the flag is absent; the original's schemas say so too.
                    json.WriteBoolean("default", false);
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            var required = arguments.Where(a => a.Required).ToArray();
            if (required.Length > 0)
            {
                json.WriteStartArray("required");
                foreach (var argument in required)
                {
                    json.WriteStringValue(argument.Name);
                }
                json.WriteEndArray();
            }
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
