using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Messages.Streams;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureInputs;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// The fixture tools of the conformance suite's 2026-07-28 scenarios (capabilities, per-request logging, list-change
/// triggers, input_required results), offered to that revision only.
/// </summary>
public static class StatelessFixtureTools
{
    public static readonly ImmutableArray<FixtureTool> All =
    [
        Tool("test_missing_capability", "Requires the client's sampling capability: -32021 when the request does not declare it",
            MissingCapability),
        Tool("test_streaming_elicitation",
            "Asks for a confirmation (elicitation) in its response instead of sending the client a request; needs elicitation",
            StreamingElicitation),
        Tool("test_logging_tool", "Logs one info message on the response stream, only when the request's _meta asks for a log level",
            _ => new Scripted(FixtureScript.Of(new LogStep("info", "Diagnostic trace logging activated"),
                new FinishStep(TextResult("Logging evaluated"))))),
        Tool("test_trigger_tool_change", "Announces a tools list change to the subscriptions/listen streams that asked for one",
            _ => new Completed(TextResult("Mutation triggered: notifications/tools/list_changed sent to the listening clients"),
                new ListChanged("tools"))),
        Tool("test_trigger_prompt_change", "Announces a prompts list change to the subscriptions/listen streams that asked for one",
            _ => new Completed(TextResult("Mutation triggered: notifications/prompts/list_changed sent to the listening clients"),
                new ListChanged("prompts"))),
        Tool("test_input_required_result_elicitation", "MRTR: asks for the user's name (elicitation, key user_name), then greets them",
            InputRequiredFixtures.Elicitation),
        Tool("test_input_required_result_sampling", "MRTR: asks the client's LLM a question (sampling), then returns its answer",
            InputRequiredFixtures.Sampling),
        Tool("test_input_required_result_list_roots", "MRTR: asks for the client's roots (roots/list), then counts them",
            InputRequiredFixtures.ListRoots),
        Tool("test_input_required_result_request_state", "MRTR: asks for a confirmation with a signed requestState, then verifies it",
            InputRequiredFixtures.RequestState),
        Tool("test_input_required_result_multiple_inputs",
            "MRTR: asks for an elicitation, a sampling and the roots at once, with a signed requestState", InputRequiredFixtures.MultipleInputs),
        Tool("test_input_required_result_multi_round", "MRTR: two rounds of elicitation, the requestState carrying the first answer",
            MultiRoundFixture.Run),
        Tool("test_input_required_result_tampered_state",
            "MRTR: asks for a confirmation with an HMAC-signed requestState; a changed state is a -32602 error",
            InputRequiredFixtures.TamperedState),
        Tool("test_input_required_result_capabilities",
            "MRTR: asks only for the inputs whose capabilities the request declares (elicitation, sampling, roots)",
            InputRequiredFixtures.Capabilities),
    ];

    private static FixtureTool Tool(string name, string description, Func<StatelessCall, StatelessOutcome> run) =>
        new(name, description, FixtureTool.NoArguments, _ => SessionRevisions(name), run, StatelessOnly: true);

    /// <summary>What the session revisions would answer, if one ever called the fixture: it is 2026-07-28's alone.</summary>
    private static FixtureScript SessionRevisions(string name) =>
        FixtureScript.Result(TextResult($"{name} is a fixture of protocol revision 2026-07-28 only", isError: true));

    private static StatelessOutcome MissingCapability(StatelessCall call) =>
        Undeclared(call, "sampling") is { IsEmpty: false } missing
            ? Refuse(missing)
            : new Completed(TextResult("Success: the request declared the sampling capability"));

    private static StatelessOutcome StreamingElicitation(StatelessCall call)
    {
        if (Undeclared(call, "elicitation") is { IsEmpty: false } missing)
        {
            return Refuse(missing);
        }
        var answer = Elicited(call, "confirmation", "ok");
        return answer.Status switch
        {
            InputStatus.Given => new Completed(TextResult("Streaming complete")),
            InputStatus.Declined => new Completed(TextResult($"Streaming ended: the user chose {answer.Text}")),
            InputStatus.Invalid => answer.Error(),
            _ => new AskInput([Elicit("confirmation", "Confirm to finish streaming", "ok", "boolean")]),
        };
    }

    /// <summary>The data of a sealed state, when it is of <paramref name="kind"/> (the fixture that sealed it).</summary>
    internal static JsonElement? StateOf(StatelessCall call, string kind) =>
        call.State is { ValueKind: JsonValueKind.Object } state && state.TryGetProperty("kind", out var k)
        && k.ValueKind == JsonValueKind.String && k.GetString() == kind ? state : null;
}
