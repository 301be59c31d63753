using System.Text.Json;
using AkkaMcpEcho.Protocol.Fixtures;
using static AkkaMcpEcho.Actors.Tests.Stateless.StatelessCalls;

namespace AkkaMcpEcho.Actors.Tests.Stateless;

/// <summary>The MRTR fixtures that ask for several inputs, over several rounds, or as the capabilities allow.</summary>
public sealed class MultiStepFixtureTests
{
    private const string Multiple = "test_input_required_result_multiple_inputs";
    private const string MultiRound = "test_input_required_result_multi_round";
    private const string Capabilities = "test_input_required_result_capabilities";

    [Fact]
    public void Multiple_inputs_asks_for_all_three_under_a_state()
    {
        var ask = Asked(Run(Multiple, Call(Multiple)), "user_name", "greeting", "client_roots");

        Assert.Equal(["elicitation/create", "sampling/createMessage", "roots/list"], ask.Requests.Select(r => r.Method));
        Assert.Equal(50, Params(ask.Requests[1]).GetProperty("maxTokens").GetInt32());
        Assert.NotNull(ask.StateJson);
    }

    [Fact]
    public void Multiple_inputs_completes_with_every_answer()
    {
        var ask = Assert.IsType<AskInput>(Run(Multiple, Call(Multiple)));
        var all = $$"""{"user_name":{{Accept("name", "\"Alice\"")}},"greeting":{{Sampled.Replace("The capital of France is Paris.", "Hello there!")}},"client_roots":{{Roots}}}""";

        Assert.Equal("Name: Alice; Greeting: Hello there!; Roots: 1", Text(Run(Multiple, Retry(Multiple, ask, all))));
    }

    [Fact]
    public void Multiple_inputs_asks_again_for_what_is_missing_and_keeps_what_was_given_in_the_state()
    {
        var first = Assert.IsType<AskInput>(Run(Multiple, Call(Multiple)));
        var second = Asked(Run(Multiple, Retry(Multiple, first, $$"""{"user_name":{{Accept("name", "\"Alice\"")}},"client_roots":{{Roots}}}""")),
            "greeting");
        Assert.NotEqual(first.StateJson, second.StateJson);

        var done = Run(Multiple, Retry(Multiple, second, $$"""{"greeting":{{Sampled}}}"""));

        Assert.Equal("Name: Alice; Greeting: The capital of France is Paris.; Roots: 1", Text(done));
    }

    [Fact]
    public void Multiple_inputs_refuses_naming_every_undeclared_capability_and_rejects_a_non_object_answer()
    {
        RefusedFor(Run(Multiple, Call(Multiple, "{}")), "elicitation", "sampling", "roots");
        RefusedFor(Run(Multiple, Call(Multiple, """{"elicitation":{}}""")), "sampling", "roots");
        var ask = Assert.IsType<AskInput>(Run(Multiple, Call(Multiple)));
        InvalidParams(Run(Multiple, Retry(Multiple, ask, """{"client_roots":[]}""")));
    }

    [Fact]
    public void Multi_round_asks_twice_with_a_new_state_each_round_then_completes()
    {
        var round1 = Asked(Run(MultiRound, Call(MultiRound)), "step1");
        var round2 = Asked(Run(MultiRound, Retry(MultiRound, round1, $$"""{"step1":{{Accept("name", "\"Alice\"")}}}""")), "step2");

        Assert.Equal("Step 2: What is your favorite color?", Params(round2.Requests[0]).GetProperty("message").GetString());
        Assert.NotEqual(round1.StateJson, round2.StateJson);
        Assert.Equal("Alice", JsonElement.Parse(round2.StateJson!).GetProperty("name").GetString());
        Assert.Equal("Multi-round complete for Alice who likes blue",
            Text(Run(MultiRound, Retry(MultiRound, round2, $$"""{"step2":{{Accept("color", "\"blue\"")}}}"""))));
    }

    [Fact]
    public void Multi_round_repeats_a_round_whose_answer_is_missing_and_starts_over_without_a_state()
    {
        var round1 = Assert.IsType<AskInput>(Run(MultiRound, Call(MultiRound)));
        var round2 = Assert.IsType<AskInput>(Run(MultiRound, Retry(MultiRound, round1, $$"""{"step1":{{Accept("name", "\"Alice\"")}}}""")));

        Assert.Equal(round2.StateJson, Asked(Run(MultiRound, Retry(MultiRound, round2, "{}")), "step2").StateJson);
        Assert.Equal(round1.StateJson, Asked(Run(MultiRound, Call(MultiRound, responses: $$"""{"step2":{{Accept("color", "\"blue\"")}}}""")), "step1").StateJson);
        InvalidParams(Run(MultiRound, Retry(MultiRound, round2, """{"step2":"blue"}""")));
        RefusedFor(Run(MultiRound, Call(MultiRound, """{"sampling":{}}""")), "elicitation");
    }

    [Fact]
    public void Capabilities_asks_only_for_what_the_request_declares()
    {
        var samplingOnly = Asked(Run(Capabilities, Call(Capabilities, """{"sampling":{}}""")), "sample_input");
        Assert.Equal("sampling/createMessage", samplingOnly.Requests[0].Method);
        Asked(Run(Capabilities, Call(Capabilities)), "elicit_input", "sample_input", "roots_input");
        Asked(Run(Capabilities, Call(Capabilities, """{"elicitation":{},"roots":{}}""")), "elicit_input", "roots_input");

        Assert.StartsWith("No supported capabilities declared", Text(Run(Capabilities, Call(Capabilities, "{}"))));
    }

    [Fact]
    public void Capabilities_completes_with_the_answers_it_asked_for()
    {
        var call = Call(Capabilities, """{"sampling":{}}""", $$"""{"sample_input":{{Sampled}}}""");

        Assert.Equal("capabilities-ok: received sample_input", Text(Run(Capabilities, call)));
        InvalidParams(Run(Capabilities, Call(Capabilities, """{"sampling":{}}""", """{"sample_input":true}""")));
    }
}
