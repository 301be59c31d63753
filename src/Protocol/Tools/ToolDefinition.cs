using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// A tool as tools/list shows it, with the pure function that runs it. A tool that keeps state across calls takes a
/// <c>session</c> argument in the 2026-07-28 revision (a handle, or "new"), which the session revisions do not know.
/// </summary>
public sealed class ToolDefinition
{
    /// <summary>The argument that carries a 2026-07-28 handle, mirrored into <c>Mcp-Param-Session</c>.</summary>
    public static readonly ToolArgument SessionArgument = new("session", ArgumentType.String,
        "2026-07-28 requests: a session handle from an earlier echo, or \"new\" (echo only) to mint one; omit for a stateless call",
        Header: "Session");

    public ToolDefinition(
        string name,
        string description,
        ImmutableArray<ToolArgument> arguments,
        Func<ToolContext, ToolResult> run,
        bool needsRegistryStats = false,
        bool takesSession = false)
    {
        Name = name;
        Description = description;
        Run = run;
        NeedsRegistryStats = needsRegistryStats;
        Sessions = new ToolSignature(arguments);
        Stateless = takesSession ? new ToolSignature(arguments.Add(SessionArgument)) : Sessions;
    }

    public string Name { get; }
    public string Description { get; }
    public Func<ToolContext, ToolResult> Run { get; }

    /// <summary>Whether the tool reads registry counters, which the session actor must fetch first.</summary>
    public bool NeedsRegistryStats { get; }

    /// <summary>The arguments the session revisions see: the original server's.</summary>
    public ToolSignature Sessions { get; }

    /// <summary>The arguments 2026-07-28 sees: the original's, and <see cref="SessionArgument"/> where state is kept.</summary>
    public ToolSignature Stateless { get; }

    public bool TakesSession => !ReferenceEquals(Sessions, Stateless);

    public ImmutableArray<ToolArgument> Arguments => Sessions.Arguments;

    public string InputSchemaJson => Sessions.InputSchemaJson;

    public ToolSignature For(SessionKind kind) => kind == SessionKind.Session ? Sessions : Stateless;
}

/// <summary>A tool's arguments in one revision: the JSON Schema tools/list shows and the headers it mirrors.</summary>
public sealed class ToolSignature(ImmutableArray<ToolArgument> arguments)
{
    public ImmutableArray<ToolArgument> Arguments { get; } = arguments;

    /// <summary>The JSON Schema of the arguments: an object with no additional properties.</summary>
    public string InputSchemaJson { get; } = BuildSchema(arguments);

    public ImmutableArray<MirroredParameter> Mirrored { get; } =
        [.. arguments.Where(a => a.Header is not null).Select(a => new MirroredParameter(a.Header!, [a.Name], a.JsonType))];

    private static string BuildSchema(ImmutableArray<ToolArgument> arguments)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonText.Options))
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
                if (argument.Header is not null)
                {
                    json.WriteString("x-mcp-header", argument.Header);
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
