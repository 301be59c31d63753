using Akka.Actor;
using AkkaMcpEcho.Messages.Calls;

namespace AkkaMcpEcho.Actors.Calls;

/// <summary>
/// A session's streamed calls in flight: one <see cref="CallRunner"/> child per call, found by the client's request id
/// (for notifications/cancelled) or by the prefix of a server-to-client request id (for the client's answer).
/// Owned by the session actor; not thread-safe.
/// </summary>
public sealed class CallRuns
{
    private readonly Dictionary<string, IActorRef> _byRequestId = new(StringComparer.Ordinal);
    private long _started;

    public int Count => _byRequestId.Count;

    public void Start(StreamCall call, IUntypedActorContext context, string? logLevel) =>
        _byRequestId[call.RequestIdJson] = context.ActorOf(CallRunner.Props(call, logLevel), $"call-{++_started}");

    /// <summary>Stops the named request if it still runs; an unknown or finished id is ignored, as the spec allows.</summary>
    public void Cancel(string requestIdJson)
    {
        if (_byRequestId.Remove(requestIdJson, out var runner))
        {
            runner.Tell(CallRunner.Cancel.Instance);
        }
    }

    /// <summary>Routes a client's answer to the runner that asked; answers to nothing this session asked are ignored.</summary>
    public void Answer(ClientResponse response, IUntypedActorContext context)
    {
        if (response.IdJson.Length < 3 || response.IdJson[0] != '"')
        {
            return;
        }
        var separator = response.IdJson.IndexOf(':');
        if (separator > 1 && context.Child(response.IdJson[1..separator]) is { } runner && !runner.IsNobody())
        {
            runner.Tell(new CallRunner.Answer(response.IdJson, response.Json));
        }
    }

    public void Finished(string requestIdJson, IActorRef runner)
    {
        if (_byRequestId.TryGetValue(requestIdJson, out var current) && current.Equals(runner))
        {
            _byRequestId.Remove(requestIdJson);
        }
    }
}
