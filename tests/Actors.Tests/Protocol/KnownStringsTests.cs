using System.Text.Json;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.Protocol;

/// <summary>A method, tool or revision a request names is read as the one known instance, escaped or not; anything else as written.</summary>
public sealed class KnownStringsTests
{
    private static JsonElement String(string json) => JsonElement.Parse(json);

    [Fact]
    public void A_known_value_is_its_one_instance()
    {
        Assert.Same(KnownStrings.Methods[0], KnownStrings.Read(String("\"tools/call\""), KnownStrings.Methods));
        Assert.Same(KnownStrings.Tools[0], KnownStrings.Read(String("\"echo\""), KnownStrings.Tools));
        Assert.Same(KnownStrings.Tools[0], KnownStrings.Read(String("\"ech\\u006f\""), KnownStrings.Tools));
    }

    [Fact]
    public void Any_other_value_is_read_as_written()
    {
        Assert.Equal("Echo", KnownStrings.Read(String("\"Echo\""), KnownStrings.Tools));
        Assert.Equal("tools/call ", KnownStrings.Read(String("\"tools/call \""), KnownStrings.Methods));
        Assert.Equal("", KnownStrings.Read(String("\"\""), KnownStrings.Versions));
    }

    [Fact]
    public void A_tool_call_reads_every_default_tool_by_its_catalog_name()
    {
        foreach (var tool in ToolCatalog.All)
        {
            var (call, _) = ToolCallParams.Read(String($"{{\"name\":\"{tool.Name}\"}}"));
            Assert.Same(tool.Name, call!.Name);
        }
    }

    [Fact]
    public void A_member_is_read_only_from_an_object_that_holds_it_as_a_string()
    {
        Assert.Same(KnownStrings.Tools[0], KnownStrings.Member(String("""{"name":"echo"}"""), "name", KnownStrings.Tools));
        Assert.Equal("other", KnownStrings.Member(String("""{"name":"other"}"""), "name"));
        Assert.Null(KnownStrings.Member(String("""{"name":7}"""), "name"));
        Assert.Null(KnownStrings.Member(String("""{"title":"echo"}"""), "name"));
        Assert.Null(KnownStrings.Member(String("""["name"]"""), "name"));
    }
}
