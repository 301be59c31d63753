namespace AkkaMcpEcho.Protocol.Tools;

public enum ArgumentType
{
    String,
    Boolean,
    Integer,
}

/// <summary>One declared argument of a tool: the single source of both its JSON Schema and its validation.</summary>
public sealed record ToolArgument(string Name, ArgumentType Type, string Description, bool Required = false)
{
    public string JsonType => Type switch
    {
        ArgumentType.String => "string",
        ArgumentType.Boolean => "boolean",
        _ => "integer",
    };
}
