using System.Text.Json;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Fixtures;
using static AkkaMcpEcho.Actors.Tests.Stateless.StatelessCalls;

namespace AkkaMcpEcho.Actors.Tests.Stateless;

/// <summary>The 2026-07-28-only fixture tools and prompt: their catalog, and the ones that ask for nothing.</summary>
public sealed class StatelessFixtureToolTests
{
    private const string Prompt = "test_input_required_result_prompt";

    [Fact]
    public void The_fixtures_of_2026_07_28_are_listed_for_that_revision_only()
    {
        Assert.Equal(13, StatelessFixtureTools.All.Length);
        Assert.All(StatelessFixtureTools.All, tool =>
        {
            Assert.True(tool.StatelessOnly);
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            Assert.Equal("object", JsonElement.Parse(tool.InputSchemaJson).GetProperty("type").GetString());
            Assert.Same(tool, FixtureTools.Find(tool.Name, stateless: true));
            Assert.Null(FixtureTools.Find(tool.Name));
        });
        Assert.Equal(StatelessFixtureTools.All.Select(t => t.Name), FixtureTools.Stateless.TakeLast(13).Select(t => t.Name));
    }

    [Fact]
    public void Missing_capability_refuses_without_sampling_and_succeeds_with_it()
    {
        RefusedFor(Run("test_missing_capability", Call("test_missing_capability", "{}")), "sampling");

        Assert.StartsWith("Success", Text(Run("test_missing_capability", Call("test_missing_capability", """{"sampling":{}}"""))));
    }

    [Fact]
    public void Streaming_elicitation_asks_for_a_confirmation_and_finishes_with_it()
    {
        const string tool = "test_streaming_elicitation";
        RefusedFor(Run(tool, Call(tool, "{}")), "elicitation");
        var ask = Asked(Run(tool, Call(tool, """{"elicitation":{}}""")), "confirmation");

        Assert.Equal("Confirm to finish streaming", Params(ask.Requests[0]).GetProperty("message").GetString());
        Assert.Equal("Streaming complete", Text(Run(tool, Retry(tool, ask, $$"""{"confirmation":{{Accept("ok", "true")}}}"""))));
    }

    [Fact]
    public void Logging_tool_scripts_one_info_message_then_its_result()
    {
        var script = Assert.IsType<Scripted>(Run("test_logging_tool", Call("test_logging_tool"))).Script;

        Assert.Equal(new LogStep("info", "Diagnostic trace logging activated"), script.Steps[0]);
        Assert.Contains("Logging evaluated", Assert.IsType<FinishStep>(script.Steps[1]).ResultJson);
    }

    [Theory]
    [InlineData("test_trigger_tool_change", "tools")]
    [InlineData("test_trigger_prompt_change", "prompts")]
    public void A_trigger_announces_its_list_change(string tool, string list)
    {
        var done = Assert.IsType<Completed>(Run(tool, Call(tool, "{}")));

        Assert.Equal(new ListChanged(list), done.Announce);
    }

    [Fact]
    public void The_session_revisions_never_run_a_2026_fixture()
    {
        var script = StatelessFixtureTools.All[0].Start(JsonElement.Parse("{}"));

        Assert.Contains("\"isError\":true", Assert.IsType<FinishStep>(script.Steps.Single()).ResultJson);
    }

    [Fact]
    public void The_prompt_asks_for_a_context_then_uses_it()
    {
        var prompt = StatelessFixturePrompts.Find(Prompt)!;
        var ask = Asked(prompt(Call(Prompt)), "user_context");
        Assert.Equal("elicitation/create", ask.Requests[0].Method);
        Assert.Null(ask.StateJson);

        var done = prompt(Retry(Prompt, ask, $$"""{"user_context":{{Accept("context", "\"test context\"")}}}"""));

        Assert.Equal("Prompt with context: test context", Text(done));
        Assert.Equal("user", JsonElement.Parse(Assert.IsType<Completed>(done).ResultJson).GetProperty("messages")[0].GetProperty("role").GetString());
        Asked(prompt(Call(Prompt, responses: """{"other":{}}""")), "user_context");
        InvalidParams(prompt(Call(Prompt, responses: """{"user_context":null}""")));
        RefusedFor(prompt(Call(Prompt, "{}")), "elicitation");
        Assert.Null(StatelessFixturePrompts.Find("test_simple_prompt"));
    }

    [Fact]
    public void The_2026_prompts_list_adds_the_prompt_with_a_description_after_the_shared_ones()
    {
        var shared = JsonElement.Parse(FixturePrompts.ListJson).GetProperty("prompts").EnumerateArray().Select(p => p.GetRawText());
        var prompts = JsonElement.Parse(StatelessFixturePrompts.ListJson).GetProperty("prompts").EnumerateArray().ToArray();

        Assert.Equal(shared, prompts[..^1].Select(p => p.GetRawText()));
        Assert.Equal(Prompt, prompts[^1].GetProperty("name").GetString());
        Assert.Equal("MRTR: prompt that requires elicitation input", prompts[^1].GetProperty("description").GetString());
        Assert.DoesNotContain(Prompt, FixturePrompts.ListJson);
    }

    [Fact]
    public void The_json_schema_fixture_uses_the_2020_12_vocabulary_the_suite_checks()
    {
        var schema = JsonElement.Parse(FixtureTools.JsonSchema202012);

        Assert.Equal("addressDef", schema.GetProperty("$defs").GetProperty("address").GetProperty("$anchor").GetString());
        Assert.Equal(JsonValueKind.Array, schema.GetProperty("allOf")[0].GetProperty("anyOf").ValueKind);
        Assert.All(["if", "then", "else"], keyword => Assert.True(schema.TryGetProperty(keyword, out _)));
        Assert.Equal(JsonValueKind.False, schema.GetProperty("additionalProperties").ValueKind);
    }
}
