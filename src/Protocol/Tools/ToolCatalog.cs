using System.Collections.Frozen;
using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Faults;
using AkkaMcpEcho.Protocol.Fixtures;

namespace AkkaMcpEcho.Protocol.Tools;

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

    /// <summary>The default tools that read the request's headers; the others are sent no copy of them.</summary>
    private static readonly FrozenSet<string> ReadHeaders = FrozenSet.Create(StringComparer.Ordinal,
        PrintHeaderTool.Definition.Name, BearerDecodeTool.Definition.Name, AuthContextTool.Definition.Name,
        CorsAnalysisTool.Definition.Name, WhoIsTheGoatTool.Definition.Name, RequestTimingTool.Definition.Name);

    /// <summary>
    /// The tools that read a session's request counters and times (<see cref="SessionActivity"/>); the others may be
    /// handed a state whose figures are those of its last use, which spares a copy of the state per call.
    /// </summary>
    private static readonly FrozenSet<string> ReadActivity = FrozenSet.Create(StringComparer.Ordinal,
        RequestTimingTool.Definition.Name, SessionInfoTool.Definition.Name, InjectFaultTool.Definition.Name);

    /// <param name="faultTool">MCP_FAULTS_TOOL is on: injectFault is offered too.</param>
    public static ToolDefinition? Find(string name, bool faultTool = false) =>
        ByName.GetValueOrDefault(name) ?? (faultTool && name == InjectFaultTool.Definition.Name ? InjectFaultTool.Definition : null);

    /// <summary>The tools tools/list shows: the eleven, then injectFault when MCP_FAULTS_TOOL is on.</summary>
    public static IEnumerable<ToolDefinition> Listed(bool faultTool) => faultTool ? [.. All, InjectFaultTool.Definition] : All;

    /// <summary>What a tools/call names: a default tool, a fixture tool (fixture mode only), or nothing known.</summary>
    /// <param name="stateless">A 2026-07-28 request: that revision's fixtures.</param>
    public static ToolEntry Resolve(string name, bool fixtures, bool stateless = false, bool faultTool = false) =>
        new(Find(name, faultTool), fixtures ? FixtureTools.Find(name, stateless) : null);

    /// <summary>
    /// Whether a tools/call is answered as an SSE stream whatever the Accept preference: messages come before its
    /// response when it carries a progress token, and a fixture tool's script sends them.
    /// </summary>
    public static bool Streams(ToolEntry entry, string? progressTokenJson) => progressTokenJson is not null || entry.Fixture is not null;

    public static bool NeedsHostFacts(ToolDefinition tool) => ReadHostFacts.Contains(tool.Name);

    public static bool NeedsActivity(ToolDefinition tool) => ReadActivity.Contains(tool.Name);

    /// <summary>
    /// Whether a call to <paramref name="name"/> needs the request's headers: a header tool, or anything that is not one
    /// of the default tools (a fixture's script, injectFault), which gets them all.
    /// </summary>
    public static bool NeedsHeaders(string name) => ReadHeaders.Contains(name) || !ByName.ContainsKey(name);
}

/// <summary>A tools/call's tool: <see cref="Fixture"/> wins, since fixture names never clash with default ones.</summary>
public sealed record ToolEntry(ToolDefinition? Tool, FixtureTool? Fixture);
