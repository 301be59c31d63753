using System.Text.Json;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Http.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>The tools/list result, rendered once: the catalog never changes while the server runs.</summary>
internal static class ToolListing
{
    public static readonly byte[] Json = JsonSerializer.SerializeToUtf8Bytes(
        new ToolsListResult(ToolCatalog.All
            .Select(tool => new ToolInfo(tool.Name, tool.Description, JsonElement.Parse(tool.InputSchemaJson)))
            .ToArray()),
        WireJson.Relaxed.ToolsListResult);
}
