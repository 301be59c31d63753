using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using AkkaMcpEcho.Actors.Calls;
using AkkaMcpEcho.Actors.Protocol;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// One MCP session: its state, its queued server-to-client events and its GET stream.
/// Starts blank and answers <see cref="SessionNotFound"/> until a <see cref="StartSession"/> arrives, so it can run
/// as a sharded entity, which sharding creates for any id. It ends itself by asking its parent to passivate it.
/// </summary>
public sealed class SessionActor : ReceiveActor
{
    private readonly string _sessionId;
    private readonly ServerProfile _profile;
    private readonly IActorRef _statsSource;
    private readonly IActorRef? _lifecycle;
    private readonly SessionOutbox _outbox;
    private readonly EventLog _sent;
    private readonly CallRuns _runs = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private SessionState? _state;
    private IActorRef? _stream;
    private long _lastEventId;
    private bool _closed;

    /// <param name="lifecycle">Optional observer told <see cref="SessionOpened"/> and <see cref="SessionClosed"/> (cluster-mode counters).</param>
    public SessionActor(string sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle = null)
    {
        _sessionId = sessionId;
        _profile = profile;
        _statsSource = statsSource;
        _lifecycle = lifecycle;
        _outbox = new SessionOutbox(profile.StreamBufferSize);
        _sent = new EventLog(profile.StreamBufferSize);
        Blank();
    }

    public static Props Props(string sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle = null) =>
        Akka.Actor.Props.Create(() => new SessionActor(sessionId, profile, statsSource, lifecycle));

    private void Blank()
    {
        Receive<StartSession>(start =>
        {
            _state = SessionState.Start(start);
            Context.SetReceiveTimeout(_profile.SessionTimeout);
            Sender.Tell(new SessionStarted(_sessionId, start.ProtocolVersion));
            _lifecycle?.Tell(new SessionOpened(_sessionId));
            Become(Active);
        });
        ReceiveAny(_ =>
        {
            Sender.Tell(new SessionNotFound(_sessionId));
            Passivate();
        });
    }

    private void Active()
    {
        Receive<TouchSession>(touch =>
        {
            Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
        });
        Receive<CallTool>(Call);
        Receive<ToolRunReady>(ready => Run(ready.Call, ready.Tool, ready.ReplyTo, ready.Stats));
        Receive<SetLogLevel>(set =>
        {
            _state = Touch() with { LogLevel = set.Level };
            Sender.Tell(new SessionTouched(_sessionId, _state.ProtocolVersion));
        });
        Receive<PublishEvent>(publish => Publish(publish.Json));
        Receive<AttachStream>(Attach);
        Receive<ResumeStream>(Resume);
        Receive<StreamCall>(call =>
        {
            // A default tool's run touches the session itself when the runner hands it the CallTool.
            var state = CallRunner.RunsFixture(call) ? Touch() : _state!;
            _runs.Start(call, Context, state, ProtocolVersions.ResumablePostStreams(state.ProtocolVersion));
            Sender.Tell(new SessionTouched(_sessionId, state.ProtocolVersion));
        });
        Receive<CancelRequest>(cancel =>
        {
            _runs.Cancel(cancel.RequestIdJson);
            Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
        });
        Receive<ClientResponse>(response =>
        {
            _runs.Answer(response);
            Sender.Tell(new SessionTouched(_sessionId, Touch().ProtocolVersion));
        });
        Receive<ResumeCall>(resume =>
        {
            Touch();
            _runs.Resume(resume, Context);
        });
        Receive<CallRunner.Finished>(finished => _runs.Finished(finished.RequestIdJson, Sender));
        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_stream))
            {
                _stream = null;
            }
        });
        Receive<EndSession>(_ =>
        {
            Sender.Tell(new SessionEnded(_sessionId));
            End(SessionCloseReason.Ended);
        });
        Receive<StartSession>(_ => Sender.Tell(new SessionStarted(_sessionId, _state!.ProtocolVersion)));
        Receive<ReceiveTimeout>(_ =>
        {
            _log.Info("Session {0} expired after {1} idle", _sessionId, _profile.SessionTimeout);
            End(SessionCloseReason.Expired);
        });
    }

    private void Ended()
    {
        ReceiveAny(_ => Sender.Tell(new SessionNotFound(_sessionId)));
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
        var context = new ToolContext(_state!, call.Request, call.Arguments, _profile, now, _outbox.Count, stats)
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
            Publish(ActivityNotification(tool.Name, result.IsError));
        }
    }

    private static string ActivityNotification(string toolName, bool isError) =>
        LogLevels.Notification(LogLevels.Info, "session", new ActivityData("tools/call", toolName, isError));

    private void Publish(string json)
    {
        var item = new SessionEvent(++_lastEventId, json);
        _sent.Append(item);
        if (_stream is null)
        {
            _outbox.Enqueue(item);
        }
        else
        {
            _stream.Tell(item);
        }
    }

    private void Attach(AttachStream attach)
    {
        Touch();
        if (_stream is not null && !_stream.Equals(attach.Stream))
        {
            Context.Unwatch(_stream);
            _stream.Tell(new Status.Success(null));
        }
        _stream = attach.Stream;
        Context.Watch(_stream);
        var queued = _outbox.Drain();
        foreach (var item in queued)
        {
            _stream.Tell(item);
        }
        Sender.Tell(new StreamAttached(_sessionId, queued.Count));
    }

    /// <summary>Last-Event-ID: replays what the log still holds after that id (after a gap marker if some is lost).</summary>
    private void Resume(ResumeStream resume)
    {
        Touch();
        if (_sent.After(resume.LastEventId) is not { } replay)
        {
            Sender.Tell(new ResumeRefused(_sessionId,
                $"Last-Event-ID {resume.LastEventId} was never sent on this session's stream (last id: {_sent.LastId})"));
            return;
        }
        Bind(resume.Stream);
        _outbox.Drain();
        if (replay.Lost > 0 && (_state!.LogLevel is null || LogLevels.Allows(_state.LogLevel, StreamGap.Level)))
        {
            _stream!.Tell(new SessionEvent(0, StreamGap.Marker(resume.LastEventId, replay.Lost)));
        }
        foreach (var item in replay.Events)
        {
            _stream!.Tell(item);
        }
        Sender.Tell(new StreamAttached(_sessionId, replay.Events.Count));
    }

    private void Bind(IActorRef stream)
    {
        if (_stream is not null && !_stream.Equals(stream))
        {
            Context.Unwatch(_stream);
            _stream.Tell(new Status.Success(null));
        }
        _stream = stream;
        Context.Watch(_stream);
    }

    private void End(SessionCloseReason reason)
    {
        ReportClosed(reason);
        if (_stream is not null)
        {
            // Its Terminated would otherwise reach the Ended behaviour and be answered like a request.
            Context.Unwatch(_stream);
            _stream.Tell(new Status.Success(null));
            _stream = null;
        }
        Context.SetReceiveTimeout(null);
        Become(Ended);
        Passivate();
    }

    protected override void PostStop() => ReportClosed(SessionCloseReason.Lost);

    private void ReportClosed(SessionCloseReason reason)
    {
        if (_state is not null && !_closed)
        {
            _closed = true;
            _lifecycle?.Tell(new SessionClosed(_sessionId, reason));
        }
    }

    private void Passivate() => Context.Parent.Tell(new Passivate(PoisonPill.Instance));

    /// <summary>A tool call whose registry counters have arrived.</summary>
    private sealed record ToolRunReady(CallTool Call, ToolDefinition Tool, IActorRef ReplyTo, RegistryStats? Stats);
}
