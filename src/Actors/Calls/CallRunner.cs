using System.Text.Json;
using Akka.Actor;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Frames;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Fixtures;

namespace AkkaMcpEcho.Actors.Calls;

/// <summary>
/// Sequences one streamed tools/call for its session (its parent): sends the related messages (log notifications,
/// progress, server-to-client requests) and finally the response to the POST's stream, then completes it and stops.
/// A fixture tool's script is carried out here; a default tool's outcome comes from the session, which ran it.
/// Cancelled: the stream ends without a response. Server-to-client request ids are "{name}:{n}" (name = this actor's).
/// Resumable (2025-11-25 sessions): a priming event first, every event labelled "{name}/{n}" and kept, so after a
/// closed connection a GET with Last-Event-ID gets the rest; a response nobody received waits <see cref="Linger"/>.
/// </summary>
public sealed class CallRunner : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan ClientAnswerTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Linger = TimeSpan.FromSeconds(60);
    private const int KeptEvents = 100;

    private readonly StreamCall _call;
    private readonly FixtureScript? _script;
    private readonly string? _logLevel;
    private readonly bool _resumable;
    private readonly ClientInfo? _client;
    private readonly Queue<(long Sequence, SessionEvent Event)> _kept = new();
    private IActorRef? _stream;
    private long _sequence;
    private int _asked;
    private string? _waitingFor;
    private Func<JsonElement?, FixtureScript>? _onAnswer;
    private bool _responded;
    private bool _done;

    /// <param name="script">A fixture tool's script; null: the session sends the tool's outcome.</param>
    /// <param name="client">The session's client; null: every capability counts as declared.</param>
    public CallRunner(StreamCall call, FixtureScript? script, string? logLevel, bool resumable, ClientInfo? client)
    {
        _call = call;
        _script = script;
        _client = client;
        _logLevel = logLevel;
        _resumable = resumable;
        _stream = call.Stream;
        Receive<ToolCallReply>(Replied);
        Receive<Continue>(next => Execute(next.Script, next.Index));
        Receive<Answer>(Answered);
        Receive<AnswerTimedOut>(timeout => Answered(new Answer(timeout.RequestIdJson, null)));
        Receive<ResumeCall>(Resume);
        Receive<Cancel>(_ => Complete());
        Receive<LingerOver>(_ => Complete());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(StreamCall call, FixtureScript? script, string? logLevel, bool resumable = false,
        ClientInfo? client = null) =>
        Akka.Actor.Props.Create(() => new CallRunner(call, script, logLevel, resumable, client));

    protected override void PreStart()
    {
        if (_resumable)
        {
            _stream!.Tell(new SessionEvent(0, null, Label(0)));
        }
        if (_script is not null)
        {
            Execute(_script, 0);
        }
    }

    protected override void PostStop()
    {
        if (!_done)
        {
            _stream?.Tell(new Status.Success(null));
        }
    }

    private void Replied(ToolCallReply reply)
    {
        if (reply.InvalidParams)
        {
            Respond(ServerMessages.InvalidParams(_call.RequestIdJson, reply.Text));
            return;
        }
        if (_call.ProgressTokenJson is { } token)
        {
            Emit(ServerMessages.Progress(token, 1, 1));
        }
        Respond(ServerMessages.ToolResult(_call.RequestIdJson, reply.Text, reply.IsError));
    }

    private void Execute(FixtureScript script, int index)
    {
        for (var i = index; i < script.Steps.Length && !_done; i++)
        {
            switch (script.Steps[i])
            {
                case LogStep log when _logLevel is null || LogLevels.Allows(_logLevel, log.Level):
                    Emit(ServerMessages.Log(log.Level, _call.Call.ToolName, log.Text));
                    break;
                case ProgressStep progress when _call.ProgressTokenJson is { } token:
                    Emit(ServerMessages.Progress(token, progress.Progress, progress.Total, progress.Message));
                    break;
                case DisconnectStep disconnect when _resumable && _stream is not null:
                    // SEP-1699: a retry field, then the connection closes; the stream itself goes on.
                    _stream.Tell(new SessionEvent(0, null, Label(++_sequence), (int)disconnect.Retry.TotalMilliseconds));
                    _stream.Tell(new Status.Success(null));
                    _stream = null;
                    break;
                case DelayStep delay:
                    Timers.StartSingleTimer("step", new Continue(script, i + 1), delay.Delay);
                    return;
                case AskClientStep ask when Undeclared(ask.Method) is { } capability:
                    Respond(new ServerResult(_call.RequestIdJson, FixtureContent.TextResult(
                        $"Cannot send {ask.Method}: the client did not declare the '{capability}' capability at initialize",
                        isError: true)));
                    return;
                case AskClientStep ask:
                    _waitingFor = $"\"{Self.Path.Name}:{++_asked}\"";
                    _onAnswer = ask.OnAnswer;
                    Emit(new ServerRequest(_waitingFor, ask.Method, ask.ParamsJson));
                    Timers.StartSingleTimer("answer", new AnswerTimedOut(_waitingFor), ClientAnswerTimeout);
                    return;
                case FinishStep finish:
                    Respond(new ServerResult(_call.RequestIdJson, finish.ResultJson));
                    return;
            }
        }
    }

    private string? Undeclared(string method) => method switch
    {
        "sampling/createMessage" when _client is { DeclaresSampling: false } => "sampling",
        "elicitation/create" when _client is { DeclaresElicitation: false } => "elicitation",
        _ => null,
    };

    private void Answered(Answer answer)
    {
        if (answer.RequestIdJson != _waitingFor || _onAnswer is null)
        {
            return;
        }
        Timers.Cancel("answer");
        var next = _onAnswer;
        _onAnswer = null;
        _waitingFor = null;
        if (answer.Json is null)
        {
            Emit(ServerMessages.Cancelled(answer.RequestIdJson, "no answer within " + ClientAnswerTimeout));
        }
        Execute(next(answer.Json is null ? null : JsonElement.Parse(answer.Json)), 0);
    }

    private void Resume(ResumeCall resume)
    {
        if (!_resumable || resume.AfterSequence > _sequence)
        {
            Sender.Tell(resume.Answer(StreamBound.Refusal($"Last-Event-ID {Label(resume.AfterSequence)} was never sent")));
            return;
        }
        _stream?.Tell(new Status.Success(null));
        _stream = resume.Stream;
        var replay = _kept.Where(kept => kept.Sequence > resume.AfterSequence).Select(kept => kept.Event).ToArray();
        Sender.Tell(resume.Answer(new StreamBound(replay.Length)));
        foreach (var item in replay)
        {
            _stream.Tell(item);
        }
        if (_responded)
        {
            Complete();
        }
    }

    private void Emit(ServerMessage message)
    {
        if (!_resumable)
        {
            _stream?.Tell(new SessionEvent(0, message));
            return;
        }
        var item = new SessionEvent(0, message, Label(++_sequence));
        if (_kept.Count == KeptEvents)
        {
            _kept.Dequeue();
        }
        _kept.Enqueue((_sequence, item));
        _stream?.Tell(item);
    }

    private void Respond(ServerMessage message)
    {
        Emit(message);
        _responded = true;
        if (_stream is not null)
        {
            Complete();
        }
        else
        {
            Timers.StartSingleTimer("linger", LingerOver.Instance, Linger);
        }
    }

    private void Complete()
    {
        _done = true;
        _stream?.Tell(new Status.Success(null));
        Context.Parent.Tell(new Finished(_call.RequestIdJson));
        Context.Stop(Self);
    }

    private string Label(long sequence) => $"{Self.Path.Name}/{sequence}";

    /// <summary>The client's answer (a whole JSON-RPC response) to a request this runner sent; null Json: none came.</summary>
    public sealed record Answer(string RequestIdJson, string? Json);

    /// <summary>notifications/cancelled named this runner's request.</summary>
    public sealed record Cancel
    {
        public static readonly Cancel Instance = new();
    }

    /// <summary>Tells the session the request is over, so its id no longer names this runner.</summary>
    public sealed record Finished(string RequestIdJson);

    private sealed record Continue(FixtureScript Script, int Index);

    private sealed record AnswerTimedOut(string RequestIdJson);

    private sealed record LingerOver
    {
        public static readonly LingerOver Instance = new();
    }
}
