using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AkkaMcpEcho.Actors.Tools;

/// <summary>The tools this server offers, in tools/list order.</summary>
public static class ToolCatalog
{
    public static readonly ImmutableArray<ToolDefinition> All =
    [
        EchoTool.Definition,
        ReplayLastEchoTool.Definition,
        SessionInfoTool.Definition,
    ];

    private static readonly FrozenDictionary<string, ToolDefinition> ByName =
        All.ToFrozenDictionary(tool => tool.Name, StringComparer.Ordinal);

    public static ToolDefinition? Find(string name) => ByName.GetValueOrDefault(name);
}
