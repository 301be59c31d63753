using System.Collections.Immutable;
using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>A tool parameter mirrored into a header: <c>Mcp-Param-{Name}</c> carries the argument at <see cref="Path"/>.</summary>
public sealed record MirroredParameter(string Name, ImmutableArray<string> Path, string Type)
{
    public string Header => StatelessRevision.ParamHeaderPrefix + Name;

    public string BodyField => "params.arguments." + string.Join(".", Path);
}

/// <summary>Finds the <c>x-mcp-header</c> annotations of a tool's input schema (reachable through properties only).</summary>
public static class ToolHeaders
{
    public static ImmutableArray<MirroredParameter> Of(string inputSchemaJson)
    {
        var found = ImmutableArray.CreateBuilder<MirroredParameter>();
        Walk(JsonElement.Parse(inputSchemaJson), [], found);
        return found.ToImmutable();
    }

    private static void Walk(JsonElement schema, ImmutableArray<string> path, ImmutableArray<MirroredParameter>.Builder found)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties)
            || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in properties.EnumerateObject())
        {
            var at = path.Add(property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("x-mcp-header", out var header)
                && header.ValueKind == JsonValueKind.String)
            {
                var type = property.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "string";
                found.Add(new MirroredParameter(header.GetString()!, at, type));
            }
            Walk(property.Value, at, found);
        }
    }
}
