using System.Text.Json;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.JsonRpc;
using AkkaMcpEcho.Protocol.Stateless;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Stateless;

/// <summary>
/// Conformance fixtures in a 2026-07-28 request (tools/call and prompts/get): reads the retry's inputs, verifies its
/// requestState, lets the fixture answer, and turns the answer into the wire result: complete, input_required (after
/// checking the capabilities it needs were declared), a refusal, an error, or a script played on the request's stream.
/// </summary>
internal sealed class StatelessFixtures(RequestStates states, Listeners listeners, ScriptPlayer player)
{
    public McpReply Call(HttpContext context, JsonRpcMessage message, RequestMeta meta, ToolCallParams call) =>
        Answer(context, message, meta, call.Name, call.Arguments, FixtureTools.Find(call.Name, stateless: true)!.Stateless);

    /// <summary>A prompts/get of a fixture prompt that may need input; null when the prompt is not one.</summary>
    public McpReply? Prompt(HttpContext context, JsonRpcMessage message, RequestMeta meta) =>
        message.Params.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
        && StatelessFixturePrompts.Find(name.GetString()!) is { } prompt
            ? Answer(context, message, meta, name.GetString()!,
                message.Params.TryGetProperty("arguments", out var arguments) ? arguments : default, prompt)
            : null;

    private McpReply Answer(HttpContext context, JsonRpcMessage message, RequestMeta meta, string name, JsonElement arguments,
        Func<StatelessCall, StatelessOutcome> fixture)
    {
        var id = message.IdJson!;
        var (responses, stateToken, problem) = InputRequired.Read(message.Params);
        if (problem is not null)
        {
            return McpReply.RequestError(id, JsonRpcErrors.InvalidParams, problem);
        }
        JsonElement? state = null;
        if (stateToken is not null)
        {
            var (data, why) = states.Open(stateToken, message.Method!, name);
            if (why is not null)
            {
                return McpReply.Ok(JsonRpcWriter.Error(id, JsonRpcErrors.InvalidParams, $"Invalid params: requestState integrity check failed: {why}",
                    JsonText.Object(json => json.WriteString("reason", why))));
            }
            state = data;
        }
        var call = new StatelessCall(name, arguments, meta, responses, state);
        return Render(context, fixture(call), id, message.Method!, call);
    }

    private McpReply Render(HttpContext context, StatelessOutcome outcome, string id, string method, StatelessCall call)
    {
        switch (outcome)
        {
            case Completed done:
                if (done.Announce is { } change)
                {
                    listeners.Changed(change);
                }
                return McpReply.Ok(JsonRpcWriter.RawResult(id, StatelessResults.Shape(done.ResultJson)));
            case AskInput ask:
                var missing = ask.Requests.Select(r => r.Capability).Where(c => !call.Meta.Declares(c)).Distinct().ToArray();
                return missing.Length > 0
                    ? McpReply.Refused(StatelessRefusal.MissingCapabilities(id, missing))
                    : McpReply.Ok(JsonRpcWriter.RawResult(id,
                        InputRequired.Result(ask.Requests, ask.StateJson is null ? null : states.Seal(method, call.Name, ask.StateJson))));
            case RefusedCall refused:
                return McpReply.Refused(refused.Refusal with { IdJson = id });
            case CallError error:
                return McpReply.Ok(JsonRpcWriter.Error(id, error.Code, error.Message, error.DataJson));
            case Scripted scripted:
                return player.Play(context, scripted.Script, id, call);
            default:
                throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "not a fixture outcome");
        }
    }
}
