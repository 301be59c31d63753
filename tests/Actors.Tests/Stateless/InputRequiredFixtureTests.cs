using System.Text.Json;
using static AkkaMcpEcho.Actors.Tests.Stateless.StatelessCalls;

namespace AkkaMcpEcho.Actors.Tests.Stateless;

/// <summary>The single-input MRTR fixtures of 2026-07-28, as pure functions of the call.</summary>
public sealed class InputRequiredFixtureTests
{
    private const string Elicitation = "test_input_required_result_elicitation";
    private const string Sampling = "test_input_required_result_sampling";
    private const string ListRoots = "test_input_required_result_list_roots";
    private const string RequestState = "test_input_required_result_request_state";
    private const string TamperedState = "test_input_required_result_tampered_state";

    [Fact]
    public void Elicitation_asks_for_the_user_name_in_a_form_without_a_state()
    {
        var ask = Asked(Run(Elicitation, Call(Elicitation)), "user_name");

        Assert.Null(ask.StateJson);
        Assert.Equal("elicitation/create", ask.Requests[0].Method);
        var parameters = Params(ask.Requests[0]);
        Assert.Equal("form", parameters.GetProperty("mode").GetString());
        Assert.Equal("What is your name?", parameters.GetProperty("message").GetString());
        Assert.Equal("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""",
            parameters.GetProperty("requestedSchema").GetRawText());
    }

    [Fact]
    public void Elicitation_greets_the_name_of_the_retry_and_ignores_keys_it_did_not_ask_for()
    {
        var retry = Call(Elicitation, responses: $$"""{"user_name":{{Accept("name", "\"Alice\"")}},"unknown_extra_key":{"foo":1},"another":42}""");

        Assert.Equal("Hello, Alice!", Text(Run(Elicitation, retry)));
    }

    [Theory]
    [InlineData("""{"wrong_key":{"action":"accept","content":{"data":"wrong"}}}""")]
    [InlineData("""{"user_name":{"action":"accept","content":{}}}""")]
    [InlineData("""{"user_name":{"action":"accept"}}""")]
    public void Elicitation_asks_again_when_the_name_is_missing(string responses) =>
        Asked(Run(Elicitation, Call(Elicitation, responses: responses)), "user_name");

    [Theory]
    [InlineData("""{"user_name":12345}""")]
    [InlineData("""{"user_name":"Alice"}""")]
    [InlineData("""{"user_name":{"content":{"name":"Alice"}}}""")]
    [InlineData("""{"user_name":{"action":"maybe"}}""")]
    [InlineData("""{"user_name":{"action":"accept","content":{"name":7}}}""")]
    public void Elicitation_answers_minus_32602_to_an_answer_that_is_not_an_elicit_result(string responses)
    {
        var error = InvalidParams(Run(Elicitation, Call(Elicitation, responses: responses)));

        Assert.Contains("inputResponses.user_name", error.Message);
    }

    [Theory]
    [InlineData("decline")]
    [InlineData("cancel")]
    public void A_declined_elicitation_is_an_answer(string action) =>
        Assert.Contains(action, Text(Run(Elicitation, Call(Elicitation, responses: $$$"""{"user_name":{"action":"{{{action}}}"}}"""))));

    [Fact]
    public void Elicitation_refuses_a_request_without_the_elicitation_capability() =>
        RefusedFor(Run(Elicitation, Call(Elicitation, """{"sampling":{}}""")), "elicitation");

    [Fact]
    public void Sampling_asks_the_capital_question_and_returns_the_answer()
    {
        var ask = Asked(Run(Sampling, Call(Sampling)), "capital_question");
        var parameters = Params(ask.Requests[0]);

        Assert.Equal("sampling/createMessage", ask.Requests[0].Method);
        Assert.Equal(100, parameters.GetProperty("maxTokens").GetInt32());
        Assert.Equal("What is the capital of France?", parameters.GetProperty("messages")[0].GetProperty("content").GetProperty("text").GetString());
        Assert.Equal("Sampling result: The capital of France is Paris.",
            Text(Run(Sampling, Retry(Sampling, ask, $$"""{"capital_question":{{Sampled}}}"""))));
        InvalidParams(Run(Sampling, Call(Sampling, responses: """{"capital_question":{"role":"assistant"}}""")));
        RefusedFor(Run(Sampling, Call(Sampling, """{"elicitation":{}}""")), "sampling");
    }

    [Fact]
    public void List_roots_asks_for_the_roots_and_counts_them()
    {
        var ask = Asked(Run(ListRoots, Call(ListRoots)), "client_roots");

        Assert.Equal(("roots/list", "{}"), (ask.Requests[0].Method, ask.Requests[0].ParamsJson));
        Assert.Equal("Found 1 root(s)", Text(Run(ListRoots, Retry(ListRoots, ask, $$"""{"client_roots":{{Roots}}}"""))));
        InvalidParams(Run(ListRoots, Call(ListRoots, responses: """{"client_roots":{"roots":"all"}}""")));
        RefusedFor(Run(ListRoots, Call(ListRoots, "{}")), "roots");
    }

    [Theory]
    [InlineData(RequestState, "state-ok")]
    [InlineData(TamperedState, "integrity-ok")]
    public void A_state_fixture_seals_a_state_and_completes_only_with_it(string tool, string ok)
    {
        var ask = Asked(Run(tool, Call(tool)), "confirm");
        Assert.NotNull(ask.StateJson);
        Assert.Equal("""{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"]}""",
            Params(ask.Requests[0]).GetProperty("requestedSchema").GetRawText());
        var confirmed = $$"""{"confirm":{{Accept("ok", "true")}}}""";

        Assert.StartsWith(ok, Text(Run(tool, Retry(tool, ask, confirmed))));
        Assert.Equal(ask.StateJson, Asked(Run(tool, Call(tool, responses: confirmed)), "confirm").StateJson);
        Assert.Equal(ask.StateJson, Asked(Run(tool, Retry(tool, ask, "{}")), "confirm").StateJson);
    }

    [Fact]
    public void A_state_sealed_by_another_fixture_is_not_this_ones()
    {
        var foreign = Asked(Run(RequestState, Call(RequestState)), "confirm").StateJson!;
        var call = Call(TamperedState, responses: $$"""{"confirm":{{Accept("ok", "true")}}}""", state: foreign);

        Assert.Equal("tamper-test", JsonElement.Parse(Asked(Run(TamperedState, call), "confirm").StateJson!).GetProperty("kind").GetString());
    }
}
