using System.Text.Json;
using AkkaMcpEcho.Actors.Fixtures;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Http.JsonRpc;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>The tools/list result, rendered once: the catalog never changes while the server runs.</summary>
internal static class ToolListing
{
    private static readonly ToolInfo[] Default = ToolCatalog.All
        .Select(tool => new ToolInfo(tool.Name, tool.Description, JsonElement.Parse(tool.InputSchemaJson)))
        .ToArray();

    public static readonly byte[] Json = JsonSerializer.SerializeToUtf8Bytes(new ToolsListResult(Default), WireJson.Relaxed.ToolsListResult);

    /// <summary>Conformance fixture mode: the default tools, then the fixture tools.</summary>
    public static readonly byte[] WithFixtures = JsonSerializer.SerializeToUtf8Bytes(
        new ToolsListResult(Default.Concat(FixtureTools.All
            .Select(tool => new ToolInfo(tool.Name, tool.Description, JsonElement.Parse(tool.InputSchemaJson)))).ToArray()),
        WireJson.Relaxed.ToolsListResult);
}
