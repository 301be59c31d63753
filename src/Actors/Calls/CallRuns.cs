using Akka.Actor;
using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Fixtures;

namespace AkkaMcpEcho.Actors.Calls;

/// <summary>
/// A session's streamed calls in flight: one <see cref="CallRunner"/> child per call, found by the client's request id
/// (for notifications/cancelled) or by the prefix of a server-to-client request id (for the client's answer).
/// Owned by the session actor; not thread-safe.
/// </summary>
public sealed class CallRuns
{
    private readonly Dictionary<string, IActorRef> _byRequestId = new(StringComparer.Ordinal);

    // Runners that have not reported Finished: a stopping runner must not be offered a resumption it cannot answer.
    private readonly Dictionary<string, IActorRef> _live = new(StringComparer.Ordinal);
    private long _started;

    public int Count => _live.Count;

    /// <param name="script">A fixture tool's script, which the runner carries out; null: the session runs the tool.</param>
    public IActorRef Start(StreamCall call, FixtureScript? script, IUntypedActorContext context, SessionState session, bool resumable)
    {
        var name = $"call-{++_started}";
        var runner = context.ActorOf(CallRunner.Props(call, script, session.LogLevel, resumable, session.Client), name);
        _byRequestId[call.RequestIdJson] = runner;
        _live[name] = runner;
        return runner;
    }

    /// <summary>A GET resuming a call's stream: the runner answers; a call that is over is refused.</summary>
    public void Resume(ResumeCall resume, IUntypedActorContext context)
    {
        if (!_live.TryGetValue(resume.CallName, out var runner))
        {
            context.Sender.Tell(resume.Answer(StreamBound.Refusal(
                $"the call that sent {resume.CallName}/{resume.AfterSequence} is over; its events are no longer held")));
            return;
        }
        runner.Forward(resume);
    }

    /// <summary>
    /// Stops the named request if it still runs, and says whether it did; an unknown or finished id is ignored, as the
    /// spec allows.
    /// </summary>
    public bool Cancel(string requestIdJson)
    {
        if (!_byRequestId.Remove(requestIdJson, out var runner))
        {
            return false;
        }
        runner.Tell(CallRunner.Cancel.Instance);
        return true;
    }

    /// <summary>
    /// Routes a client's answer to the runner that asked, and says whether one did; answers to nothing this session
    /// asked are ignored.
    /// </summary>
    public bool Answer(ClientResponse response)
    {
        if (response.IdJson.Length < 3 || response.IdJson[0] != '"')
        {
            return false;
        }
        var separator = response.IdJson.IndexOf(':');
        if (separator <= 1 || !_live.TryGetValue(response.IdJson[1..separator], out var runner))
        {
            return false;
        }
        runner.Tell(new CallRunner.Answer(response.IdJson, response.Json));
        return true;
    }

    public void Finished(string requestIdJson, IActorRef runner)
    {
        _live.Remove(runner.Path.Name);
        if (_byRequestId.TryGetValue(requestIdJson, out var current) && current.Equals(runner))
        {
            _byRequestId.Remove(requestIdJson);
        }
    }
}
