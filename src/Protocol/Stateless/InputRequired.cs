using System.Text.Json;

namespace AkkaMcpEcho.Protocol.Stateless;

/// <summary>One thing the server needs from the client (an elicitation, a sampling, the roots), under its key.</summary>
public sealed record InputRequest(string Key, string Method, string ParamsJson)
{
    /// <summary>The client capability the request needs, which the request's _meta must declare.</summary>
    public string Capability => Method switch
    {
        "sampling/createMessage" => "sampling",
        "elicitation/create" => "elicitation",
        _ => "roots",
    };
}

/// <summary>
/// Multi round-trip requests (2026-07-28): instead of asking the client itself, a tools/call, prompts/get or
/// resources/read answers <c>input_required</c> with what it needs; the client retries the same request with
/// <c>inputResponses</c> (keyed like the requests) and the <c>requestState</c> it was given.
/// </summary>
public static class InputRequired
{
    public static string Result(IReadOnlyList<InputRequest> requests, string? requestState) =>
        JsonText.Object(json =>
        {
            StatelessResults.WriteHead(json, StatelessResults.InputRequired);
            json.WriteStartObject("inputRequests");
            foreach (var request in requests)
            {
                json.WriteStartObject(request.Key);
                json.WriteString("method", request.Method);
                json.WritePropertyName("params");
                json.WriteRawValue(request.ParamsJson);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (requestState is not null)
            {
                json.WriteString("requestState", requestState);
            }
        });

    /// <summary>
    /// The retry's inputs: its responses (empty on a first try; values of keys the server did not ask for are ignored,
    /// whatever they are), its state, or the -32602 message when they are not what the revision allows (inputResponses
    /// an object, requestState a string).
    /// </summary>
    public static (IReadOnlyDictionary<string, JsonElement> Responses, string? State, string? Problem) Read(JsonElement parameters)
    {
        var responses = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        string? state = null;
        if (parameters.TryGetProperty("requestState", out var given) && given.ValueKind != JsonValueKind.Null)
        {
            if (given.ValueKind != JsonValueKind.String)
            {
                return (responses, null, $"Invalid params: requestState must be the string the server issued, got {JsonRpc.JsonRpcReader.Kind(given.ValueKind)}");
            }
            state = given.GetString();
        }
        if (!parameters.TryGetProperty("inputResponses", out var inputs))
        {
            return (responses, state, null);
        }
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            return (responses, state, $"Invalid params: inputResponses must be an object keyed like inputRequests, got {JsonRpc.JsonRpcReader.Kind(inputs.ValueKind)}");
        }
        foreach (var input in inputs.EnumerateObject())
        {
            responses[input.Name] = input.Value.Clone();
        }
        return (responses, state, null);
    }

    /// <summary>
    /// The client's result for a key the server asked for: null when absent (ask again), or the -32602 message when it
    /// is not an object.
    /// </summary>
    public static (JsonElement? Response, string? Problem) Answer(IReadOnlyDictionary<string, JsonElement> responses, string key) =>
        !responses.TryGetValue(key, out var response) ? (null, null)
        : response.ValueKind == JsonValueKind.Object ? (response, null)
        : (null, $"Invalid params: inputResponses.{key} must be an object (the client's result), got {JsonRpc.JsonRpcReader.Kind(response.ValueKind)}");
}
