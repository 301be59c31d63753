using System.Text.Json;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol.Faults;
using AkkaMcpEcho.Protocol.Tools;
using AkkaMcpEcho.Tests.Support;

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

/// <summary>A call carries the request's headers only to the tools that read them: the others answer the same without.</summary>
public sealed class ToolHeadersTests
{
    private static readonly HeaderField[] Sent =
    [
        new("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."), new("Origin", "http://127.0.0.1:5173"),
        new("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), new("X-User-Name", "ada"),
        new("Access-Control-Request-Method", "POST"), new("Mcp-Session-Id", "s-1"), new("X-Custom", "value"),
    ];

    [Theory]
    [MemberData(nameof(DefaultTools))]
    public void A_tool_sent_no_headers_answers_as_with_them(string name)
    {
        var tool = ToolCatalog.Find(name)!;
        var without = Run(tool, []);
        var with = Run(tool, Sent);

        if (ToolCatalog.NeedsHeaders(name))
        {
            Assert.NotEqual(without, with);
        }
        else
        {
            Assert.Equal(without, with);
        }
    }

    [Theory]
    [InlineData("noSuchTool")]
    [InlineData("injectFault")]
    public void What_is_not_a_default_tool_gets_every_header(string name) => Assert.True(ToolCatalog.NeedsHeaders(name));

    public static TheoryData<string> DefaultTools() => [.. ToolCatalog.All.Select(tool => tool.Name)];

    private static string Run(ToolDefinition tool, HeaderField[] headers)
    {
        var context = TestRequests.Context(TestRequests.Session()) with
        {
            Request = TestRequests.Facts(TestRequests.Now.UtcTicks) with { Headers = [.. headers] },
        };
        // Figures that move between two calls (memory, uptime) are not what this compares.
        return System.Text.RegularExpressions.Regex.Replace(ToolInvoker.Invoke(tool, context).Text, "[0-9]+", "#");
    }
}

/// <summary>
/// A session hands the tools that do not read its request counters and times a state whose figures may be old: those
/// tools must show none of them.
/// </summary>
public sealed class ToolActivityTests
{
    private static readonly string[] Marks = ["987654321", "2031-01-02", "12345.6ms"];

    [Theory]
    [MemberData(nameof(Tools))]
    public void Only_the_tools_the_catalog_names_show_the_sessions_activity(string name)
    {
        var tool = ToolCatalog.Find(name, faultTool: true)!;
        var at = new DateTime(2031, 1, 2, 3, 4, 5, DateTimeKind.Utc).Ticks;
        var session = TestRequests.Session() with
        {
            RequestCount = 987654321,
            PreviousActivityUtcTicks = at,
            LastActivityUtcTicks = at,
            TimedRequests = 1,
            TotalResponseTicks = TimeSpan.FromMilliseconds(12345.6).Ticks,
        };
        var arguments = name == InjectFaultTool.Definition.Name ? """{"fault":"status=503"}""" : "{}";

        var text = ToolInvoker.Invoke(tool, TestRequests.Context(session, arguments)).Text;

        Assert.Equal(ToolCatalog.NeedsActivity(tool), Marks.Any(mark => text.Contains(mark, StringComparison.Ordinal)));
    }

    public static TheoryData<string> Tools() => [.. ToolCatalog.Listed(faultTool: true).Select(tool => tool.Name)];
}
