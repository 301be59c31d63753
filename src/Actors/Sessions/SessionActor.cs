using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using AkkaMcpEcho.Actors.Calls;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// One MCP session: its state, its server-to-client events and its streamed calls.
/// Starts blank and answers <see cref="SessionNotFound"/> until a <see cref="StartSession"/> arrives, so it can run
/// as a sharded entity, which sharding creates for any id. It ends itself by asking its parent to passivate it.
/// </summary>
/// <remarks>
/// An untyped actor whose event and call state is created on first use: an idle session costs little more than
/// the actor cell and its <see cref="SessionState"/>, because a server holds many thousands of them.
/// </remarks>
public sealed class SessionActor : UntypedActor
{
    private readonly string _sessionId;
    private readonly ServerProfile _profile;
    private readonly IActorRef _statsSource;
    private readonly IActorRef? _lifecycle;
    private SessionState? _state;
    private SessionEvents? _events;
    private CallRuns? _runs;
    private bool _ended;
    private bool _closed;

    /// <param name="lifecycle">Optional observer told <see cref="SessionOpened"/> and <see cref="SessionClosed"/> (cluster-mode counters).</param>
    public SessionActor(string sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle = null)
    {
        _sessionId = sessionId;
        _profile = profile;
        _statsSource = statsSource;
        _lifecycle = lifecycle;
    }

    // Arguments rather than an expression tree: no expression is evaluated per session creation.
    public static Props Props(string sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle = null) =>
        Akka.Actor.Props.Create(typeof(SessionActor), sessionId, profile, statsSource, lifecycle);

    private SessionEvents Events => _events ??= new SessionEvents(_profile.StreamBufferSize);

    private CallRuns Runs => _runs ??= new CallRuns();

    protected override void OnReceive(object message)
    {
        if (_ended)
        {
            Sender.Tell(new SessionNotFound(_sessionId));
        }
        else if (_state is null)
        {
            Blank(message);
        }
        else
        {
            Active(message);
        }
    }

    private void Blank(object message)
    {
        if (message is StartSession start)
        {
            _state = SessionState.Start(start);
            Context.SetReceiveTimeout(_profile.SessionTimeout);
            Sender.Tell(new SessionStarted(_sessionId, start.ProtocolVersion));
            _lifecycle?.Tell(new SessionOpened(_sessionId));
            return;
        }
        Sender.Tell(new SessionNotFound(_sessionId));
        Passivate();
    }

    private void Active(object message)
    {
        switch (message)
        {
            case TouchSession:
                Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
                break;
            case CallTool call:
                Call(call);
                break;
            case ToolRunReady ready:
                Run(ready.Call, ready.Tool, ready.ReplyTo, ready.Stats);
                break;
            case SetLogLevel set:
                _state = Touch() with { LogLevel = set.Level };
                Sender.Tell(new SessionTouched(_sessionId, _state.ProtocolVersion));
                break;
            case PublishEvent publish:
                Events.Publish(publish.Json);
                break;
            case AttachStream attach:
                Sender.Tell(Events.Attach(_sessionId, attach.Stream, Touch().LogLevel, Context));
                break;
            case ResumeStream resume:
                Sender.Tell(Events.Resume(_sessionId, resume.Stream, resume.LastEventId, Touch().LogLevel, Context)
                    ?? (object)new ResumeRefused(_sessionId, Events.NeverSent(resume.LastEventId)));
                break;
            default:
                Calls(message);
                break;
        }
    }

    private void Calls(object message)
    {
        switch (message)
        {
            case StreamCall call:
                // A default tool's run touches the session itself when the runner hands it the CallTool.
                var state = CallRunner.RunsFixture(call) ? Touch() : _state!;
                Runs.Start(call, Context, state, ProtocolVersions.ResumablePostStreams(state.ProtocolVersion));
                Sender.Tell(new SessionTouched(_sessionId, state.ProtocolVersion));
                break;
            case CancelRequest cancel:
                _runs?.Cancel(cancel.RequestIdJson);
                Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
                break;
            case ClientResponse response:
                _runs?.Answer(response);
                Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
                break;
            case ResumeCall resume:
                Touch();
                Runs.Resume(resume, Context);
                break;
            case CallRunner.Finished finished:
                _runs?.Finished(finished.RequestIdJson, Sender);
                break;
            default:
                Lifecycle(message);
                break;
        }
    }

    private void Lifecycle(object message)
    {
        switch (message)
        {
            case Terminated terminated:
                _events?.Gone(terminated.ActorRef);
                break;
            case EndSession:
                Sender.Tell(new SessionEnded(_sessionId));
                End(SessionCloseReason.Ended);
                break;
            case StartSession:
                Sender.Tell(new SessionStarted(_sessionId, _state!.ProtocolVersion));
                break;
            case ReceiveTimeout:
                Context.GetLogger().Info("Session {0} expired after {1} idle", _sessionId, _profile.SessionTimeout);
                End(SessionCloseReason.Expired);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private SessionState Touch()
    {
        _state = _state!.Touched(DateTime.UtcNow.Ticks);
        return _state;
    }

    private void Call(CallTool call)
    {
        Touch();
        var tool = ToolCatalog.Find(call.ToolName);
        if (tool is null)
        {
            Sender.Tell(new ToolCallReply(_sessionId, $"Unknown tool: {call.ToolName}", IsError: true, InvalidParams: true));
            return;
        }
        if (!tool.NeedsRegistryStats)
        {
            Run(call, tool, Sender, null);
            return;
        }
        var replyTo = Sender;
        _statsSource.Ask<RegistryStats>(GetRegistryStats.Instance, TimeSpan.FromSeconds(2))
            .ContinueWith(t => new ToolRunReady(call, tool, replyTo, t.IsCompletedSuccessfully ? t.Result : null))
            .PipeTo(Self);
    }

    private void Run(CallTool call, ToolDefinition tool, IActorRef replyTo, RegistryStats? stats)
    {
        var now = DateTimeOffset.UtcNow;
        var context = new ToolContext(_state!, call.Request, call.Arguments, _profile, now, _events?.Pending ?? 0, stats)
        {
            Host = ToolCatalog.NeedsHostFacts(tool) ? HostFactsSource.For(Context.System).Capture() : HostFacts.Unavailable,
        };
        var result = ToolInvoker.Invoke(tool, context);
        var elapsed = TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - call.Request.StartedUtcTicks));
        _state = result.Session.Timed(elapsed);
        var asProtocolError = result.InvalidArguments
            && !ProtocolVersions.InvalidArgumentsAreToolErrors(_state.ProtocolVersion);
        replyTo.Tell(new ToolCallReply(_sessionId, result.Text, result.IsError, asProtocolError));
        if (_state.LogLevel is not null && LogLevels.Allows(_state.LogLevel, LogLevels.Info))
        {
            Events.Publish(LogLevels.Notification(LogLevels.Info, "session", new ActivityData("tools/call", tool.Name, result.IsError)));
        }
    }

    private void End(SessionCloseReason reason)
    {
        ReportClosed(reason);
        _events?.Close(Context);
        Context.SetReceiveTimeout(null);
        _ended = true;
        Passivate();
    }

    protected override void PostStop() => ReportClosed(SessionCloseReason.Lost);

    private void ReportClosed(SessionCloseReason reason)
    {
        if (_state is not null && !_closed)
        {
            _closed = true;
            var lifetime = TimeSpan.FromTicks(Math.Max(0, DateTime.UtcNow.Ticks - _state.CreatedUtcTicks));
            _lifecycle?.Tell(new SessionClosed(_sessionId, reason, lifetime));
        }
    }

    private void Passivate() => Context.Parent.Tell(new Passivate(PoisonPill.Instance));

    /// <summary>A tool call whose registry counters have arrived.</summary>
    private sealed record ToolRunReady(CallTool Call, ToolDefinition Tool, IActorRef ReplyTo, RegistryStats? Stats);
}
