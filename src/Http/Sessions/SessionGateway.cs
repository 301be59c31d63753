using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Http.Sessions;

/// <summary>
/// The HTTP layer's only way into the actors: typed asks, each with the configured timeout and the request's token.
/// </summary>
public sealed class SessionGateway(
    IRequiredActor<SessionRouter> router,
    IRequiredActor<SessionStats> stats,
    EchoSettings settings)
{
    // The router never changes once the actor system runs: resolve it once, not per request.
    private IActorRef? _router;

    /// <summary>A command to one session: its reply, or a null reply when the session does not exist.</summary>
    public async Task<SessionAnswer<TReply>> Ask<TReply>(ISessionCommand<TReply> command, CancellationToken cancel) where TReply : class =>
        await (await Router(cancel)).Ask<SessionAnswer<TReply>>(command, settings.AskTimeout, cancel);

    /// <summary>
    /// A command for a request: as <see cref="Ask{TReply}(ISessionCommand{TReply}, CancellationToken)"/>, and when a
    /// fault rule of the session's applies, the request carries it.
    /// </summary>
    /// <exception cref="InjectedFault">The session's rule refused the request in place of running it.</exception>
    public async Task<SessionAnswer<TReply>> Ask<TReply>(ISessionCommand<TReply> command, HttpContext context) where TReply : class
    {
        var answer = await Ask(command, context.RequestAborted);
        if (answer.Fault is { } fault)
        {
            FaultState.FromSession(context, fault, command is CallTool { ViaHandle: true });
        }
        return answer;
    }

    public async Task<SessionCreation> Create(CreateSession create, CancellationToken cancel) =>
        await (await Router(cancel)).Ask<SessionCreation>(create, settings.AskTimeout, cancel);

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

    private async ValueTask<IActorRef> Router(CancellationToken cancel) => _router ??= await router.GetAsync(cancel);
}
