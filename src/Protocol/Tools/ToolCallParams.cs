using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>The params of a tools/call as both revisions read them: a tool name, and an arguments object (or {}).</summary>
public sealed record ToolCallParams(string Name, JsonElement Arguments)
{
    private static readonly JsonElement NoArguments = JsonElement.Parse("{}");

    /// <summary>The tool a tools/call names, when it names one; null for other methods.</summary>
    public static string? NameOf(string method, JsonElement parameters) =>
        method == "tools/call" ? KnownStrings.Member(parameters, "name", KnownStrings.Tools) : null;

    /// <summary>The params, or the -32602 message that says what is wrong with them.</summary>
    public static (ToolCallParams? Call, string? Problem) Read(JsonElement parameters)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("name", out var name)
            || name.ValueKind != JsonValueKind.String || KnownStrings.Read(name, KnownStrings.Tools) is not { Length: > 0 } toolName)
        {
            return (null, "Invalid params: Missing tool name (params.name must be a non-empty string)");
        }
        if (!parameters.TryGetProperty("arguments", out var given) || given.ValueKind == JsonValueKind.Null)
        {
            return (new ToolCallParams(toolName, NoArguments), null);
        }
        return given.ValueKind == JsonValueKind.Object
            ? (new ToolCallParams(toolName, given), null)
            : (null, $"Invalid params: arguments must be an object, got {JsonRpcReader.Kind(given.ValueKind)}");
    }
}
