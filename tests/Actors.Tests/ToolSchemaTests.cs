using System.Text.Json;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class ToolSchemaTests
{
    [Theory]
    [InlineData("bearerDecode", "includeRaw")]
    [InlineData("environmentDump", "showSecrets")]
    [InlineData("echo", "uppercase")]
    public void Optional_flags_declare_their_default_of_false(string tool, string flag)
    {
        var property = Schema(tool).GetProperty("properties").GetProperty(flag);

        Assert.Equal("boolean", property.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.False, property.GetProperty("default").ValueKind);
    }

    [Fact]
    public void Other_arguments_declare_no_default_and_no_tool_allows_extra_properties()
    {
        Assert.False(Schema("echo").GetProperty("properties").GetProperty("message").TryGetProperty("default", out _));
        Assert.False(Schema("bearerDecode").GetProperty("properties").GetProperty("token").TryGetProperty("default", out _));
        Assert.All(ToolCatalog.All, tool =>
            Assert.Equal(JsonValueKind.False, JsonElement.Parse(tool.InputSchemaJson).GetProperty("additionalProperties").ValueKind));
    }

    private static JsonElement Schema(string tool) => JsonElement.Parse(ToolCatalog.Find(tool)!.InputSchemaJson);
}
