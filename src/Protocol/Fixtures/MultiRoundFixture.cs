using System.Text.Json;
using AkkaMcpEcho.Protocol.Stateless;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureInputs;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// test_input_required_result_multi_round: two elicitation rounds. Round 1 asks for a name (step1) under a state of
/// round 1; the retry with the name asks for a colour (step2) under a new state of round 2 that carries the name; the
/// retry with the colour completes. Nothing is kept on the server: everything between the rounds is in the sealed state.
/// </summary>
public static class MultiRoundFixture
{
    private const string Kind = "multi-round";

    public static readonly InputRequest Step1 = Elicit("step1", "Step 1: What is your name?", "name");
    public static readonly InputRequest Step2 = Elicit("step2", "Step 2: What is your favorite color?", "color");

    public static StatelessOutcome Run(StatelessCall call)
    {
        if (Undeclared(call, "elicitation") is { IsEmpty: false } missing)
        {
            return Refuse(missing);
        }
        var state = StatelessFixtureTools.StateOf(call, Kind);
        var round = state is { } s && s.TryGetProperty("round", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var i) ? i : 0;
        var name = state is { } n && n.TryGetProperty("name", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return round switch
        {
            1 => Elicited(call, Step1.Key, "name") switch
            {
                { Status: InputStatus.Given, Text: var given } => Ask(Step2, 2, given),
                { Status: InputStatus.Declined, Text: var action } => Done($"Multi-round ended at step 1: the user chose {action}"),
                { Status: InputStatus.Invalid } invalid => invalid.Error(),
                _ => Ask(Step1, 1, null),
            },
            2 when name is not null => Elicited(call, Step2.Key, "color") switch
            {
                { Status: InputStatus.Given, Text: var color } => Done($"Multi-round complete for {name} who likes {color}"),
                { Status: InputStatus.Declined, Text: var action } => Done($"Multi-round ended at step 2 for {name}: the user chose {action}"),
                { Status: InputStatus.Invalid } invalid => invalid.Error(),
                _ => Ask(Step2, 2, name),
            },
            _ => Ask(Step1, 1, null),
        };
    }

    private static AskInput Ask(InputRequest request, int round, string? name) =>
        new([request], JsonText.Object(json =>
        {
            json.WriteString("kind", Kind);
            json.WriteNumber("round", round);
            if (name is not null)
            {
                json.WriteString("name", name);
            }
        }));

    private static Completed Done(string text) => new(TextResult(text));
}
