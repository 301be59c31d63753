using System.Text.Json;
using AkkaMcpEcho.Protocol.Stateless;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureContent;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureInputs;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>
/// The input_required (MRTR) fixture tools of 2026-07-28, as pure functions of the call: a first try asks for input, a
/// retry with the answers completes, a retry without them asks again, an answer that is not the result asked for is a
/// -32602 error. A tool that cannot work without a capability refuses with -32021 when the request does not declare it.
/// </summary>
public static class InputRequiredFixtures
{
    public const string UserName = "user_name";

    public static readonly InputRequest AskName = Elicit(UserName, "What is your name?", "name");
    public static readonly InputRequest AskCapital = Sample("capital_question", "What is the capital of France?", 100);
    public static readonly InputRequest AskRoots = Roots("client_roots");
    public static readonly InputRequest AskConfirm = Elicit("confirm", "Please confirm", "ok", "boolean");
    public static readonly InputRequest AskGreeting = Sample("greeting", "Generate a greeting", 50);

    /// <summary>No requestState: the suite retries some calls without one.</summary>
    public static StatelessOutcome Elicitation(StatelessCall call) =>
        Single(call, AskName, "name", null, answer => answer.Status == InputStatus.Given
            ? $"Hello, {answer.Text}!"
            : $"Hello, whoever you are (the user chose {answer.Text})");

    public static StatelessOutcome Sampling(StatelessCall call) =>
        Single(call, AskCapital, "", null, answer => $"Sampling result: {answer.Text}");

    public static StatelessOutcome ListRoots(StatelessCall call) =>
        Single(call, AskRoots, "", null, answer => $"Found {answer.Text} root(s)");

    /// <summary>Completes only with the state it sealed: without one it asks again, whatever the answers.</summary>
    public static StatelessOutcome RequestState(StatelessCall call) =>
        Single(call, AskConfirm, "ok", "request-state", answer => answer.Status == InputStatus.Given
            ? $"state-ok: requestState validated, confirmed: {answer.Text}"
            : $"state-ok: requestState validated, the user chose {answer.Text}");

    /// <summary>The server rejects a state that fails verification before this runs (-32602); a sound one completes.</summary>
    public static StatelessOutcome TamperedState(StatelessCall call) =>
        Single(call, AskConfirm, "ok", "tamper-test", answer => $"integrity-ok: state verified ({(answer.Status == InputStatus.Given
            ? "confirmed: " : "the user chose ")}{answer.Text})");

    /// <summary>
    /// Three inputs at once. The state carries the answers already given, so a retry that answers only what was asked
    /// again completes with all of them.
    /// </summary>
    public static StatelessOutcome MultipleInputs(StatelessCall call)
    {
        if (Undeclared(call, "elicitation", "sampling", "roots") is { IsEmpty: false } missing)
        {
            return Refuse(missing);
        }
        InputRequest[] asked = [AskName, AskGreeting, AskRoots];
        const string kind = "multiple-inputs";
        if (StatelessFixtureTools.StateOf(call, kind) is not { } state)
        {
            return new AskInput([.. asked], Gathered(kind, new Dictionary<string, string>()));
        }
        var known = state.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Object
            ? answers.EnumerateObject().Where(a => a.Value.ValueKind == JsonValueKind.String).ToDictionary(a => a.Name, a => a.Value.GetString()!)
            : [];
        var again = new List<InputRequest>();
        foreach (var request in asked.Where(r => !known.ContainsKey(r.Key)))
        {
            var answer = Of(call, request, "name");
            switch (answer.Status)
            {
                case InputStatus.Invalid:
                    return answer.Error();
                case InputStatus.Missing:
                    again.Add(request);
                    break;
                default:
                    known[request.Key] = answer.Status == InputStatus.Given ? answer.Text! : $"({answer.Text})";
                    break;
            }
        }
        return again.Count > 0
            ? new AskInput([.. again], Gathered(kind, known))
            : new Completed(TextResult($"Name: {known[UserName]}; Greeting: {known[AskGreeting.Key]}; Roots: {known[AskRoots.Key]}"));
    }

    /// <summary>Asks for whatever the request's capabilities allow; nothing when it declares none of them.</summary>
    public static StatelessOutcome Capabilities(StatelessCall call)
    {
        var possible = new List<InputRequest>();
        if (call.Meta.Declares("elicitation"))
        {
            possible.Add(Elicit("elicit_input", "Elicitation input", "value"));
        }
        if (call.Meta.Declares("sampling"))
        {
            possible.Add(Sample("sample_input", "Sample request", 50));
        }
        if (call.Meta.Declares("roots"))
        {
            possible.Add(Roots("roots_input"));
        }
        if (possible.Count == 0)
        {
            return new Completed(TextResult("No supported capabilities declared: elicitation, sampling and roots are all absent"));
        }
        var received = new List<string>();
        var again = new List<InputRequest>();
        foreach (var request in possible)
        {
            var answer = Of(call, request, "value");
            if (answer.Status == InputStatus.Invalid)
            {
                return answer.Error();
            }
            if (answer.Status == InputStatus.Missing)
            {
                again.Add(request);
            }
            else
            {
                received.Add(request.Key);
            }
        }
        return again.Count == 0
            ? new Completed(TextResult($"capabilities-ok: received {string.Join(", ", received)}"))
            : new AskInput([.. again]);
    }

    /// <summary>
    /// One input request: asked for until the retry answers it (with the state of <paramref name="stateKind"/> when
    /// one is sealed, a retry without it asking again), then <paramref name="text"/> of the answer completes the call.
    /// </summary>
    private static StatelessOutcome Single(StatelessCall call, InputRequest request, string field, string? stateKind,
        Func<InputAnswer, string> text)
    {
        if (Undeclared(call, request.Capability) is { IsEmpty: false } missing)
        {
            return Refuse(missing);
        }
        var stateJson = stateKind is null ? null : JsonText.Object(json => json.WriteString("kind", stateKind));
        if (stateKind is not null && StatelessFixtureTools.StateOf(call, stateKind) is null)
        {
            return new AskInput([request], stateJson);
        }
        var answer = Of(call, request, field);
        return answer.Status switch
        {
            InputStatus.Invalid => answer.Error(),
            InputStatus.Missing => new AskInput([request], stateJson),
            _ => new Completed(TextResult(text(answer))),
        };
    }

    private static string Gathered(string kind, IReadOnlyDictionary<string, string> answers) =>
        JsonText.Object(json =>
        {
            json.WriteString("kind", kind);
            json.WriteStartObject("answers");
            foreach (var (key, value) in answers)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
        });
}
