namespace AkkaMcpEcho.Protocol.Tools;

public enum ArgumentType
{
    String,
    Boolean,
    Integer,
}

/// <summary>
/// One declared argument of a tool: the single source of both its JSON Schema and its validation.
/// <paramref name="Header"/>: the argument is mirrored into an <c>Mcp-Param-{Header}</c> header (2026-07-28's
/// <c>x-mcp-header</c>), so gateways can route on it.
/// </summary>
public sealed record ToolArgument(string Name, ArgumentType Type, string Description, bool Required = false, string? Header = null)
{
    public string JsonType => Type switch
    {
        ArgumentType.String => "string",
        ArgumentType.Boolean => "boolean",
        _ => "integer",
    };
}
