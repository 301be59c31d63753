using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Sharding;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Messages.Registry;

namespace AkkaMcpEcho.Http.Sessions;

/// <summary>The HTTP layer's only way into the actors: asks with the configured timeout and the request's token.</summary>
public sealed class SessionGateway(
    IRequiredActor<SessionRouter> router,
    IRequiredActor<SessionStats> stats,
    EchoSettings settings)
{
    // The router never changes once the actor system runs: resolve it once, not per request.
    private IActorRef? _router;

    public TimeSpan Timeout => settings.AskTimeout;

    public async Task<object> Ask(object message, CancellationToken cancel)
    {
        var target = _router ??= await router.GetAsync(cancel);
        return await target.Ask<object>(message, settings.AskTimeout, cancel);
    }

    public void Tell(object message) => router.ActorRef.Tell(message);

    public async Task<RegistryStats> Stats(CancellationToken cancel)
    {
        var target = await stats.GetAsync(cancel);
        return await target.Ask<RegistryStats>(GetRegistryStats.Instance, settings.AskTimeout, cancel);
    }

    /// <summary>Cluster mode only: every member's counters and the totals.</summary>
    public async Task<ClusterSessionStats> ClusterStats(CancellationToken cancel)
    {
        var target = await stats.GetAsync(cancel);
        return await target.Ask<ClusterSessionStats>(GetClusterStats.Instance, settings.AskTimeout, cancel);
    }
}
