using System.Collections.Frozen;
using System.Collections.Immutable;

namespace AkkaMcpEcho.Actors.Tools;

/// <summary>The tools this server offers, in tools/list order (the original server's order).</summary>
public static class ToolCatalog
{
    public static readonly ImmutableArray<ToolDefinition> All =
    [
        EchoTool.Definition,
        ReplayLastEchoTool.Definition,
        PrintHeaderTool.Definition,
        BearerDecodeTool.Definition,
        AuthContextTool.Definition,
        RequestTimingTool.Definition,
        CorsAnalysisTool.Definition,
        EnvironmentDumpTool.Definition,
        HealthProbeTool.Definition,
        SessionInfoTool.Definition,
        WhoIsTheGoatTool.Definition,
    ];

    private static readonly FrozenDictionary<string, ToolDefinition> ByName =
        All.ToFrozenDictionary(tool => tool.Name, StringComparer.Ordinal);

    /// <summary>The tools that read <see cref="ToolContext.Host"/>; the others skip the cost of measuring the process.</summary>
    private static readonly FrozenSet<string> ReadHostFacts = FrozenSet.Create(StringComparer.Ordinal,
        RequestTimingTool.Definition.Name, CorsAnalysisTool.Definition.Name, EnvironmentDumpTool.Definition.Name,
        HealthProbeTool.Definition.Name);

    public static ToolDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static bool NeedsHostFacts(ToolDefinition tool) => ReadHostFacts.Contains(tool.Name);
}
