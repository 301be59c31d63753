using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using AkkaMcpEcho.Actors.Calls;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Telemetry;
using AkkaMcpEcho.Actors.Traffic;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// One MCP session: its state, its server-to-client events and its streamed calls.
/// Starts blank and answers "not found" until a <see cref="StartSession"/> arrives, so it can run as a sharded entity,
/// which sharding creates for any id. It ends itself by asking its parent to passivate it.
/// </summary>
/// <remarks>
/// An untyped actor whose event and call state is created on first use: an idle session costs little more than
/// the actor cell and its <see cref="SessionState"/>, because a server holds many thousands of them.
/// </remarks>
public sealed partial class SessionActor : UntypedActor
{
    private readonly string _sessionId;
    private readonly ServerProfile _profile;
    private readonly IActorRef _statsSource;
    private readonly IActorRef? _lifecycle;
    private SessionState? _state;
    private SessionEvents? _events;
    private CallRuns? _runs;
    private TrafficRing? _traffic;
    private readonly bool _dormancy;
    private bool _ended;
    private bool _closed;

    private SessionEvents Events => _events ??= new SessionEvents(_profile.StreamBufferSize);
    private CallRuns Runs => _runs ??= new CallRuns();

    protected override void OnReceive(object received)
    {
        if (Noted(received) is not { } message)
        {
            return;
        }
        if (_profile.DurableSessions)
        {
            ReceiveDurably(message);
            return;
        }
        if (_dormancy && message is not ReceiveTimeout)
        {
            _lastMessageTicks = DateTime.UtcNow.Ticks;
        }
        Handle(message);
    }

    private void Handle(object message)
    {
        if (_state is null || _ended || !Reaches(message))
        {
            NotStarted(message);
            return;
        }
        if (RefusedByFault(message, out var fault))
        {
            return;
        }
        switch (message)
        {
            case TouchSession touch:
                var touched = Touch();
                var toolsChanged = touch.Method == "tools/list" && touched.ToolsChanged;
                _state = toolsChanged ? touched with { ToolsChanged = false } : touched;
                Reply(Sender, touch.Answer(new SessionTouched(touched.ProtocolVersion, toolsChanged), fault));
                break;
            case SetLogLevel set:
                _state = Touch() with { LogLevel = set.Level };
                Reply(Sender, set.Answer(new LogLevelSet(set.Level), fault));
                break;
            case CallTool call:
                Touch();
                Run(call, Sender, fault, toRunner: false);
                break;
            case ApplyFault apply:
                Apply(apply);
                break;
            case ToolRunReady ready:
                Finish(ready);
                break;
            case StreamCall call:
                StartStreamedCall(call, fault);
                break;
            case CancelRequest cancel:
                Touch();
                Reply(Sender, cancel.Answer(new CancelNoted(_runs?.Cancel(cancel.RequestIdJson) ?? false)));
                break;
            case ClientResponse response:
                Touch();
                Reply(Sender, response.Answer(new ResponseRouted(_runs?.Answer(response) ?? false)));
                break;
            case ResumeCall resume:
                Touch();
                Runs.Resume(resume, Context);
                break;
            case CallRunner.Finished finished:
                _runs?.Finished(finished.RequestIdJson, Sender);
                break;
            case PublishEvent publish:
                Events.Publish(publish.Message);
                break;
            case AttachStream attach:
                Reply(Sender, attach.Answer(Events.Attach(attach.Stream, Touch().LogLevel, Context)));
                break;
            case ResumeStream resume:
                Reply(Sender, resume.Answer(Events.Resume(resume.Stream, resume.LastEventId, Touch().LogLevel, Context)));
                break;
            case Terminated terminated:
                _events?.Gone(terminated.ActorRef);
                break;
            case EndSession end:
                Reply(Sender, end.Answer(new SessionEnded(DateTime.UtcNow.Ticks - _state.CreatedUtcTicks)));
                End(SessionCloseReason.Ended);
                break;
            case StartSession:
                Reply(Sender, new SessionCreation(_sessionId, _state.ProtocolVersion));
                break;
            case AbandonStart:
                End(SessionCloseReason.Lost);
                break;
            case RecordExchange record:
                _traffic = TrafficRing.Keep(_traffic, _profile.SessionTraffic, record.Records);
                break;
            case GetSessionTraffic get:
                Reply(Sender, get.Answer(new SessionTraffic(_traffic?.Newest(int.MaxValue) ?? [], (int)(_traffic?.Evicted ?? 0), State)));
                break;
            case ReceiveTimeout:
                Idle();
                break;
            case Doze:
                DozeOff();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    /// <summary>
    /// A handle answers only the 2026-07-28 tool calls that name it, and a session only its own protocol's commands: a
    /// session id passed as a handle, or a handle sent as Mcp-Session-Id, is unknown. The traffic page reads both.
    /// </summary>
    private bool Reaches(object message) =>
        message is not ISessionCommand command
        || command is GetSessionTraffic or ApplyFault
        || (_state!.Kind == SessionKind.Handle) == command is CallTool { ViaHandle: true };

    /// <summary>Blank (never started), ended, or not reached: only a start for a blank session does anything.</summary>
    private void NotStarted(object message)
    {
        if (message is StartSession start && !_ended)
        {
            Adopt(SessionState.Start(start));
            SetIdleTimeout(FirstTimeout);
            Reply(Sender, new SessionCreation(_sessionId, start.ProtocolVersion));
            _lifecycle?.Tell(new SessionOpened(_sessionId));
            SessionTelemetry.Opened(start.Kind);
            return;
        }
        if (message is Wake wake && _state is null)
        {
            WakeUp(wake);
            return;
        }
        if (message is ISessionCommand command)
        {
            Reply(Sender, _unavailable ?? command.NotFound());
        }
        if (_state is null && message is IWithSessionId)
        {
            Passivate();
        }
    }

    /// <summary>
    /// A streamed call: its runner sequences what the stream carries, and the tool runs once, here (a fixture tool's
    /// script runs in the runner).
    /// </summary>
    private void StartStreamedCall(StreamCall call, FaultRule? fault)
    {
        var state = Touch();
        var entry = ToolCatalog.Resolve(call.Call.ToolName, _profile.Fixtures, faultTool: _profile.FaultTool);
        var runner = Runs.Start(call, entry.Fixture?.Start(call.Call.Arguments), Context, state,
            ProtocolVersions.ResumablePostStreams(state.ProtocolVersion));
        Reply(Sender, call.Answer(new CallStreaming(runner.Path.Name), fault));
        if (entry.Fixture is null)
        {
            Run(call.Call, runner, null, toRunner: true);
        }
    }

    /// <summary>Runs a default tool; the outcome goes to <paramref name="replyTo"/> (see <see cref="ToolRunReady"/>).</summary>
    private void Run(CallTool call, IActorRef replyTo, FaultRule? fault, bool toRunner)
    {
        var tool = ToolCatalog.Find(call.ToolName, _profile.FaultTool);
        var run = new ToolRunReady(call, tool, replyTo, fault, toRunner, null);
        if (tool is null)
        {
            Reply(replyTo, run.Answer(new ToolCallReply($"Unknown tool: {call.ToolName}", IsError: true, InvalidParams: true)));
            return;
        }
        if (tool.NeedsRegistryStats)
        {
            // A method of its own: the lambda's capture would otherwise be allocated on every call.
            FinishWithStats(run);
            return;
        }
        Finish(run);
    }

    private void FinishWithStats(ToolRunReady run) =>
        _statsSource.Ask<RegistryStats>(GetRegistryStats.Instance, TimeSpan.FromSeconds(2))
            .ContinueWith(t => run with { Stats = t.IsCompletedSuccessfully ? t.Result : null })
            .PipeTo(Self);

    private void Finish(ToolRunReady ready)
    {
        var (call, tool) = (ready.Call, ready.Tool!);
        using var span = SessionTelemetry.CallSpan(call, Context.System);
        var session = ToolCatalog.NeedsActivity(tool) ? State : _state!;
        var context = new ToolContext(session, call.Request, call.Arguments, _profile, DateTimeOffset.UtcNow, _events?.Pending ?? 0, ready.Stats)
        {
            Host = ToolCatalog.NeedsHostFacts(tool) ? HostFactsSource.For(Context.System).Capture() : HostFacts.Unavailable,
        };
        var result = ToolInvoker.Invoke(tool, context);
        var elapsed = TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - call.Request.StartedUtcTicks));
        _state = result.Session;
        _activity = _activity.Timed(elapsed);
        var asProtocolError = result.InvalidArguments && !ProtocolVersions.InvalidArgumentsAreToolErrors(_state.ProtocolVersion);
        Reply(ready.ReplyTo, ready.Answer(new ToolCallReply(result.Text, result.IsError, asProtocolError, result.StructuredJson)));
        if (_state.LogLevel is not null && LogLevels.Allows(_state.LogLevel, LogLevels.Info))
        {
            Events.Publish(LogLevels.Activity(tool.Name, result.IsError));
        }
    }

    /// <summary>Takes the session's rule for <paramref name="message"/>; one that refuses the request answers in its place.</summary>
    private bool RefusedByFault(object message, out FaultRule? fault)
    {
        (fault, var state, var refusal) = SessionFaults.Take(_state!, message);
        _state = state;
        if (refusal is not null)
        {
            Touch();
            Reply(Sender, refusal);
        }
        return refusal is not null;
    }

    /// <summary>expire-session: the session ends now; tools-changed: its next tools/list changes, and its stream hears so.</summary>
    private void Apply(ApplyFault apply)
    {
        var expires = apply.Action.Effect == FaultEffect.ExpireSession;
        Reply(Sender, apply.Answer(new FaultApplied(expires)));
        if (expires)
        {
            Context.GetLogger().Info("Session {0} expired by an injected fault", _sessionId);
            End(SessionCloseReason.Expired);
        }
        else if (apply.Action.Effect == FaultEffect.ToolsChanged)
        {
            _state = _state! with { ToolsChanged = true };
            Events.Publish(ServerMessages.ToolsListChanged);
        }
    }

    /// <summary>
    /// A tool call to run, and once piped back, one whose registry counters have arrived (or did not, in time). Its reply
    /// goes bare to a streamed call's runner, else as the call's answer with its fault. A value, not a closure and a
    /// delegate: on the usual path nothing of it reaches the heap (about 0.2 KB per echo request as a closure and record).
    /// </summary>
    private readonly record struct ToolRunReady(CallTool Call, ToolDefinition? Tool, IActorRef ReplyTo, FaultRule? Fault, bool ToRunner, RegistryStats? Stats)
    {
        public object Answer(ToolCallReply reply) => ToRunner ? reply : Call.Answer(reply, Fault);
    }
}
