using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>A conformance fixture tool: how tools/list shows it and the pure function that scripts a call.</summary>
/// <param name="Start">The session revisions' behaviour: a script the call runner carries out.</param>
/// <param name="Run">2026-07-28's behaviour, when it differs from playing <paramref name="Start"/>'s script.</param>
/// <param name="StatelessOnly">A 2026-07-28 fixture: unknown to the session revisions.</param>
public sealed record FixtureTool(string Name, string Description, string InputSchemaJson, Func<JsonElement, FixtureScript> Start,
    Func<StatelessCall, StatelessOutcome>? Run = null, bool StatelessOnly = false)
{
    /// <summary>What a 2026-07-28 call of this fixture answers.</summary>
    public StatelessOutcome Stateless(StatelessCall call) => Run?.Invoke(call) ?? new Scripted(Start(call.Arguments));

    /// <summary>The parameters the schema mirrors into Mcp-Param-* headers (2026-07-28).</summary>
    public ImmutableArray<MirroredParameter> Mirrored { get; } = ToolHeaders.Of(InputSchemaJson);

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
