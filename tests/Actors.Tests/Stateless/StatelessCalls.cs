using System.Text.Json;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Actors.Tests.Stateless;

/// <summary>Builders of the calls a 2026-07-28 fixture sees, and readers of what it answers.</summary>
internal static class StatelessCalls
{
    public const string AllCapabilities = """{"sampling":{},"elicitation":{},"roots":{"listChanged":true}}""";

    /// <summary>
    /// A call of <paramref name="name"/> declaring <paramref name="capabilities"/>, with the retry's inputResponses
    /// (an object, JSON) and the data of the state the server verified (JSON), if any.
    /// </summary>
    public static StatelessCall Call(string name, string capabilities = AllCapabilities, string? responses = null, string? state = null,
        string? logLevel = null)
    {
        var answers = responses is null
            ? new Dictionary<string, JsonElement>()
            : JsonElement.Parse(responses).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        return new StatelessCall(name, JsonElement.Parse("{}"),
            new RequestMeta("2026-07-28", JsonElement.Parse(capabilities), ClientInfo.Unknown, logLevel, null),
            answers, state is null ? null : JsonElement.Parse(state));
    }

    /// <summary>The retry of <paramref name="ask"/>: the same call with the answers and the state the server sealed.</summary>
    public static StatelessCall Retry(string name, AskInput ask, string responses, string capabilities = AllCapabilities) =>
        Call(name, capabilities, responses, ask.StateJson);

    public static string Accept(string field, string valueJson) =>
        $$$"""{"action":"accept","content":{"{{{field}}}":{{{valueJson}}}}}""";

    public const string Sampled = """{"role":"assistant","content":{"type":"text","text":"The capital of France is Paris."},"model":"test-model","stopReason":"endTurn"}""";

    public const string Roots = """{"roots":[{"uri":"file:///test/root","name":"Test Root"}]}""";

    public static StatelessOutcome Run(string tool, StatelessCall call) => FixtureTools.Find(tool, stateless: true)!.Stateless(call);

    /// <summary>The only text item of a complete tools/call result (or prompt message).</summary>
    public static string Text(StatelessOutcome outcome)
    {
        var done = Assert.IsType<Completed>(outcome);
        var result = JsonElement.Parse(done.ResultJson);
        var content = result.TryGetProperty("content", out var items)
            ? items[0]
            : result.GetProperty("messages")[0].GetProperty("content");
        return content.GetProperty("text").GetString()!;
    }

    public static AskInput Asked(StatelessOutcome outcome, params string[] keys)
    {
        var ask = Assert.IsType<AskInput>(outcome);
        Assert.Equal(keys, ask.Requests.Select(r => r.Key));
        return ask;
    }

    public static JsonElement Params(InputRequest request) => JsonElement.Parse(request.ParamsJson);

    /// <summary>Asserts a -32021 refusal naming exactly <paramref name="capabilities"/>.</summary>
    public static void RefusedFor(StatelessOutcome outcome, params string[] capabilities)
    {
        var refusal = Assert.IsType<RefusedCall>(outcome).Refusal;
        Assert.Equal((400, -32021), (refusal.Status, refusal.Code));
        var required = JsonElement.Parse(refusal.DataJson!).GetProperty("requiredCapabilities");
        Assert.Equal(capabilities, required.EnumerateObject().Select(p => p.Name));
        Assert.All(required.EnumerateObject(), p => Assert.Equal(JsonValueKind.Object, p.Value.ValueKind));
    }

    public static CallError InvalidParams(StatelessOutcome outcome)
    {
        var error = Assert.IsType<CallError>(outcome);
        Assert.Equal(-32602, error.Code);
        return error;
    }
}
