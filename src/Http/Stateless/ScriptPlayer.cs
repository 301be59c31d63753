using System.Text.Json;
using System.Threading.Channels;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Fixtures;
using AkkaMcpEcho.Protocol.Stateless;

namespace AkkaMcpEcho.Http.Stateless;

/// <summary>
/// Plays a session-revision fixture script in a 2026-07-28 request: its log messages (when the request asked for a
/// level that lets them through) and progress (when it carried a token) go on the request's own stream, paced as the
/// script says; a request to the client becomes an input_required result (keys "input1", "input2", ... by depth), and
/// the retry's response continues the script. A closed stream stops it. Nothing is kept between requests.
/// </summary>
internal sealed class ScriptPlayer
{
    public McpReply Play(HttpContext context, FixtureScript script, string id, StatelessCall call)
    {
        var missing = script.Steps.OfType<AskClientStep>().Select(ask => new InputRequest("", ask.Method, "{}").Capability)
            .Where(capability => !call.Meta.Declares(capability)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            return McpReply.Refused(StatelessRefusal.MissingCapabilities(id, missing));
        }
        var paced = script.Steps.OfType<DelayStep>().Any();
        if (!paced)
        {
            var messages = new List<ServerMessage>();
            Run(script, id, call, message => messages.Add(message), CancellationToken.None).GetAwaiter().GetResult();
            return messages.Count == 1 ? McpReply.Ok(Protocol.JsonRpc.JsonRpcWriter.Write(messages[0])) : McpReply.Streamed([.. messages]);
        }
        var channel = Channel.CreateUnbounded<SessionEvent>();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _ = Task.Run(async () =>
        {
            try
            {
                await Run(script, id, call, message => channel.Writer.TryWrite(new SessionEvent(0, message)), stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The client closed the stream: that cancels the work, and nothing more is sent.
            }
            finally
            {
                channel.Writer.TryComplete();
                stop.Dispose();
            }
        });
        return new McpReply(StatusCodes.Status200OK, null) { Events = channel.Reader, Abandon = () => Cancel(stop) };
    }

    private static async Task Run(FixtureScript script, string id, StatelessCall call, Action<ServerMessage> emit, CancellationToken cancel)
    {
        var depth = 0;
        for (var i = 0; i < script.Steps.Length; i++)
        {
            switch (script.Steps[i])
            {
                case LogStep log when call.Meta.LogLevel is { } level && LogLevels.Allows(level, log.Level):
                    emit(ServerMessages.Log(log.Level, call.Name, log.Text));
                    break;
                case ProgressStep progress when call.Meta.ProgressTokenJson is { } token:
                    emit(ServerMessages.Progress(token, progress.Progress, progress.Total, progress.Message));
                    break;
                case DelayStep delay:
                    await Task.Delay(delay.Delay, cancel);
                    break;
                case AskClientStep ask:
                    var key = $"input{++depth}";
                    var (answer, problem) = InputRequired.Answer(call.Responses, key);
                    if (problem is not null)
                    {
                        emit(ServerMessages.InvalidParams(id, problem));
                        return;
                    }
                    if (answer is not { } response)
                    {
                        emit(new ServerResult(id, InputRequired.Result([new InputRequest(key, ask.Method, ask.ParamsJson)], null)));
                        return;
                    }
                    (script, i) = (ask.OnAnswer(JsonElement.Parse($$"""{"result":{{response.GetRawText()}}}""")), -1);
                    break;
                case FinishStep finish:
                    emit(new ServerResult(id, StatelessResults.Shape(finish.ResultJson)));
                    return;
            }
        }
    }

    private static void Cancel(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The script has already ended.
        }
    }
}
