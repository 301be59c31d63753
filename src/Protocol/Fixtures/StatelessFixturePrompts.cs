using System.Text.Json;
using static AkkaMcpEcho.Protocol.Fixtures.FixtureInputs;

namespace AkkaMcpEcho.Protocol.Fixtures;

/// <summary>The fixture prompts of the conformance suite's 2026-07-28 scenarios, which may ask for input before answering.</summary>
public static class StatelessFixturePrompts
{
    public const string InputRequiredPrompt = "test_input_required_result_prompt";
    public const string Description = "MRTR: prompt that requires elicitation input";

    public static readonly Stateless.InputRequest AskContext =
        Elicit("user_context", "What context should the prompt use?", "context");

    /// <summary>2026-07-28's prompts/list result: the session revisions' fixture prompts, then the ones of this revision.</summary>
    public static readonly string ListJson = JsonText.Object(json =>
    {
        json.WriteStartArray("prompts");
        using (var shared = JsonDocument.Parse(FixturePrompts.ListJson))
        {
            foreach (var prompt in shared.RootElement.GetProperty("prompts").EnumerateArray())
            {
                prompt.WriteTo(json);
            }
        }
        json.WriteStartObject();
        json.WriteString("name", InputRequiredPrompt);
        json.WriteString("description", Description);
        json.WriteStartArray("arguments");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    });

    public static Func<StatelessCall, StatelessOutcome>? Find(string name) => name == InputRequiredPrompt ? InputRequired : null;

    /// <summary>prompts/get of the MRTR prompt: asks the user for a context (elicitation), then answers a prompt that uses it.</summary>
    public static StatelessOutcome InputRequired(StatelessCall call)
    {
        if (Undeclared(call, "elicitation") is { IsEmpty: false } missing)
        {
            return Refuse(missing);
        }
        var answer = Elicited(call, AskContext.Key, "context");
        return answer.Status switch
        {
            InputStatus.Given => Prompt($"Prompt with context: {answer.Text}"),
            InputStatus.Declined => Prompt($"Prompt without context (the user chose {answer.Text})"),
            InputStatus.Invalid => answer.Error(),
            _ => new AskInput([AskContext]),
        };
    }

    private static Completed Prompt(string text) =>
        new(JsonText.Object(json =>
        {
            json.WriteString("description", Description);
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("role", "user");
            json.WritePropertyName("content");
            FixtureContent.Text(json, text);
            json.WriteEndObject();
            json.WriteEndArray();
        }));
}
