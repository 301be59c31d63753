using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class PrintHeaderToolTests
{
    private const string Cookie = "sid=cookie-secret-value-1234567; theme=dark";

    private static readonly (string, string)[] Headers =
    [
        ("Host", "mcp-echo.example.com"),
        ("User-Agent", "MCP-Client/1.0"),
        ("Authorization", "Bearer " + Fixtures.SeedToken),
        ("X-User-Id", "12345"),
        ("X-User-Name", "johndoe"),
        ("Cookie", Cookie),
        ("Mcp-Session-Id", Fixtures.SessionId),
        ("X-Trace-Flavour", "vanilla"),
    ];

    [Fact]
    public void Groups_headers_with_the_seeds_icons_and_counts_them()
    {
        var result = Fixtures.Invoke(PrintHeaderTool.Definition, Fixtures.Context("{}", Headers));

        Assert.False(result.IsError);
        var lines = result.Text.Split('\n');
        Assert.Equal("📋 HTTP Headers Analysis", lines[0]);
        Assert.Contains("🔐 Authentication Headers:", lines);
        Assert.Contains("Authorization: Bearer eyJhbGc...", lines);
        Assert.Contains("X-User-Id: 12345", lines);
        Assert.Contains("X-User-Name: johndoe", lines);
        Assert.Contains("🌐 Standard Headers:", lines);
        Assert.Contains("Host: mcp-echo.example.com", lines);
        Assert.Contains("User-Agent: MCP-Client/1.0", lines);
        Assert.Contains("🔄 MCP Headers:", lines);
        Assert.Contains("Mcp-Session-Id: 550e8400...", lines);
        Assert.Contains("X-Trace-Flavour: vanilla", lines);
        Assert.Contains("📊 Header Statistics:", lines);
        Assert.Contains("Total headers: 8", lines);
        Assert.Contains("Auth headers: 4", lines);
        Assert.Contains("Standard headers: 2", lines);
        Assert.Contains("MCP headers: 1", lines);
        Assert.Contains("Custom headers: 1", lines);
    }

    [Fact]
    public void Authorization_and_cookie_values_are_shortened_never_whole()
    {
        var text = Fixtures.Invoke(PrintHeaderTool.Definition, Fixtures.Context("{}", Headers)).Text;

        Assert.DoesNotContain(Fixtures.SeedToken, text);
        Assert.DoesNotContain("cookie-secret-value-1234567", text);
        Assert.Contains("Cookie: sid=cook...; theme=d...", text.Split('\n'));
        Assert.DoesNotContain(Fixtures.SessionId, text);
    }

    [Fact]
    public void A_category_shows_only_that_section()
    {
        var text = Fixtures.Invoke(PrintHeaderTool.Definition, Fixtures.Context("""{"category":"MCP"}""", Headers)).Text;

        Assert.Contains("🔄 MCP Headers:", text);
        Assert.Contains("Category filter: mcp", text);
        Assert.DoesNotContain("🔐 Authentication Headers:", text);
        Assert.DoesNotContain("Host: mcp-echo.example.com", text);
        Assert.Contains("Total headers: 8", text);
    }

    [Theory]
    [InlineData("cookies")]
    [InlineData("0")]
    [InlineData("")]
    public void An_unknown_category_is_invalid_arguments(string category)
    {
        var result = Fixtures.Invoke(PrintHeaderTool.Definition, Fixtures.Context($$"""{"category":"{{category}}"}""", Headers));

        Assert.True(result.InvalidArguments);
        Assert.Contains("must be one of auth, standard, mcp, custom", result.Text);
    }
}
