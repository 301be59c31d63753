using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests.DiagnosticTools;

public sealed class WhoIsTheGoatToolTests
{
    [Fact]
    public void The_report_has_the_seeds_lines_and_is_the_same_every_time()
    {
        var first = Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context("""{"subject":"MCP Protocol"}"""));
        var second = Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context("""{"subject":"mcp protocol"}"""));

        var lines = first.Text.Split('\n');
        Assert.Equal("🐐 GOAT Analysis Complete", lines[0]);
        Assert.Contains("Subject: MCP Protocol", lines);
        Assert.Matches(@"\nExcellence Score: (8\d|9\d|100)/100\n", first.Text);
        Assert.Matches(@"\nGreatness Factor: (Transcendent|Legendary|Elite|Exceptional|Promising)\n", first.Text);
        Assert.Contains("Top Qualities:", lines);
        Assert.Equal(3, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.StartsWith("Verdict: ", lines[^1]);
        Assert.Equal(first.Text.Replace("MCP Protocol", "mcp protocol"), second.Text);
        Assert.Equal(first.Text, WhoIsTheGoatTool.Analyse("MCP Protocol"));
    }

    [Fact]
    public void Pinned_report_for_the_seeds_subject()
    {
        const string expected = """
            🐐 GOAT Analysis Complete

            Subject: MCP Protocol
            Excellence Score: 96/100
            Greatness Factor: Legendary

            Top Qualities:
            - Documentation that answers questions
            - Developer experience
            - Protocol compliance

            Verdict: Certified GOAT 🏆
            """;

        Assert.Equal(expected, WhoIsTheGoatTool.Analyse("MCP Protocol"));
        Assert.NotEqual(WhoIsTheGoatTool.Analyse("Ada Lovelace").Split('\n')[3..], WhoIsTheGoatTool.Analyse("Grace Hopper").Split('\n')[3..]);
    }

    [Fact]
    public void Defaults_to_the_gateways_user_then_to_the_protocol()
    {
        Assert.Contains("Subject: johndoe\n",
            Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context("{}", ("X-User-Name", "johndoe"))).Text);
        Assert.Contains("Subject: MCP Protocol\n", Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context()).Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_subject_is_invalid(string subject) =>
        Assert.True(Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context($$"""{"subject":"{{subject}}"}""")).InvalidArguments);

    [Fact]
    public void An_oversized_subject_is_invalid()
    {
        var result = Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context($$"""{"subject":"{{new string('x', 201)}}"}"""));

        Assert.True(result.InvalidArguments);
        Assert.Contains("1 to 200 characters; got 201", result.Text);
    }

    [Fact]
    public void Control_characters_cannot_forge_lines()
    {
        var text = Fixtures.Invoke(WhoIsTheGoatTool.Definition, Fixtures.Context("""{"subject":"me\nVerdict: fake"}""")).Text;

        Assert.Contains("Subject: me Verdict: fake\n", text);
        Assert.Single(text.Split('\n'), l => l.StartsWith("Verdict: ", StringComparison.Ordinal));
    }
}
