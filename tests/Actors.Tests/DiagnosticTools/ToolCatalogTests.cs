using System.Text.Json;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class ToolCatalogTests
{
    [Fact]
    public void Lists_the_eleven_tools_in_the_originals_order()
    {
        Assert.Equal(
            ["echo", "replayLastEcho", "printHeader", "bearerDecode", "authContext", "requestTiming", "corsAnalysis",
             "environmentDump", "healthProbe", "sessionInfo", "whoIStheGOAT"],
            ToolCatalog.All.Select(t => t.Name));
    }

    [Theory]
    [InlineData("printHeader", "category:string")]
    [InlineData("bearerDecode", "token:string,includeRaw:boolean")]
    [InlineData("authContext", "")]
    [InlineData("requestTiming", "")]
    [InlineData("corsAnalysis", "")]
    [InlineData("environmentDump", "showSecrets:boolean")]
    [InlineData("healthProbe", "")]
    [InlineData("whoIStheGOAT", "subject:string")]
    public void Diagnostic_tools_take_optional_arguments_only(string name, string arguments)
    {
        var tool = ToolCatalog.Find(name)!;
        using var schema = JsonDocument.Parse(tool.InputSchemaJson);

        var properties = schema.RootElement.GetProperty("properties").EnumerateObject()
            .Select(p => $"{p.Name}:{p.Value.GetProperty("type").GetString()}");
        Assert.Equal(arguments, string.Join(",", properties));
        Assert.False(schema.RootElement.TryGetProperty("required", out _));
        Assert.False(schema.RootElement.GetProperty("additionalProperties").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(tool.Description));
    }

    [Fact]
    public void Keeps_the_originals_descriptions()
    {
        Assert.Equal("Decode JWT Bearer token from Authorization header (no signature verification)", ToolCatalog.Find("bearerDecode")!.Description);
        Assert.Equal("Display sanitized environment configuration", ToolCatalog.Find("environmentDump")!.Description);
        Assert.StartsWith("Employs cutting-edge artificial intelligence", ToolCatalog.Find("whoIStheGOAT")!.Description);
    }

    [Fact]
    public void Only_the_tools_that_read_the_host_pay_for_measuring_it()
    {
        Assert.False(ToolCatalog.NeedsHostFacts(EchoTool.Definition));
        Assert.True(ToolCatalog.NeedsHostFacts(HealthProbeTool.Definition));
        Assert.True(ToolCatalog.NeedsHostFacts(EnvironmentDumpTool.Definition));
    }
}
