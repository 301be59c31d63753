using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Asking;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Actors.Store;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Messages.Cluster;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Store;

namespace AkkaMcpEcho.Http.Sessions;

/// <summary>
/// The HTTP layer's only way into the actors: typed asks, each with the configured timeout and the request's token.
/// </summary>
public sealed class SessionGateway(
    IRequiredActor<SessionRouter> router,
    IRequiredActor<SessionStats> stats,
    ActorRegistry actors,
    EchoSettings settings)
{
    // The router never changes once the actor system runs: resolve it once, not per request.
    private IActorRef? _router;

    /// <summary>A command to one session: its reply, or a null reply when the session does not exist.</summary>
    /// <exception cref="SessionStoreUnavailable">
    /// The session store could not be read or written (the command did not take effect), or the node that held the session
    /// was lost with the command on its way (it may still take effect once a survivor recovers the session).
    /// </exception>
    public Task<SessionAnswer<TReply>> Ask<TReply>(ISessionCommand<TReply> command, CancellationToken cancel) where TReply : class =>
        AskRouter<SessionAnswer<TReply>>(command, cancel);

    /// <summary>
    /// A command for a request: as <see cref="Ask{TReply}(ISessionCommand{TReply}, CancellationToken)"/>, and when a
    /// fault rule of the session's applies, the request carries it.
    /// </summary>
    /// <exception cref="InjectedFault">The session's rule refused the request in place of running it.</exception>
    public Task<SessionAnswer<TReply>> Ask<TReply>(ISessionCommand<TReply> command, HttpContext context) where TReply : class =>
        Ask(command, context, 0, static (answer, _) => answer);

    /// <summary>
    /// As <see cref="Ask{TReply}(ISessionCommand{TReply}, HttpContext)"/>, and the answer made into
    /// <typeparamref name="TResult"/> by <paramref name="then"/> (a static lambda, given <paramref name="state"/>) in this
    /// frame: a request awaits one async frame for its ask, not one more of its own.
    /// </summary>
    public async Task<TResult> Ask<TReply, TState, TResult>(ISessionCommand<TReply> command, HttpContext context, TState state,
        Func<SessionAnswer<TReply>, TState, TResult> then) where TReply : class
    {
        var answer = await AskRouter<SessionAnswer<TReply>>(command, context.RequestAborted);
        if (answer.Fault is { } fault)
        {
            FaultState.FromSession(context, fault, command is CallTool { ViaHandle: true });
        }
        return then(answer, state);
    }

    /// <exception cref="SessionStoreUnavailable">The new session could not be written.</exception>
    public Task<SessionCreation> Create(CreateSession create, CancellationToken cancel) =>
        AskRouter<SessionCreation>(create, cancel);

    /// <summary>The durable store's last probe, or null with the memory store.</summary>
    public async Task<StoreHealth?> StoreHealth(CancellationToken cancel) =>
        actors.TryGet<StoreHealthKey>(out var probe)
            ? await probe.Ask<StoreHealth>(GetStoreHealth.Instance, settings.AskTimeout, cancel)
            : null;

    private static T Expect<T>(object answer) => answer switch
    {
        T expected => expected,
        SessionUnavailable unavailable => throw new SessionStoreUnavailable(unavailable.Reason),
        _ => throw new InvalidOperationException($"A session answered {answer.GetType().Name}, not {typeof(T).Name}"),
    };

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

    /// <summary>
    /// Akka's ask, made lighter: the reply address registers as a temporary actor only if remoting asks for its path
    /// (<see cref="ReplyPromise{T}"/>), and the promise keeps the timeout and the cancellation itself and reads the
    /// answer as <typeparamref name="T"/>, with no cancellation source, task or async frame of their own
    /// (benchmarks/PROFILE.md, section 7). Once the router is resolved, the caller's await is the only async frame.
    /// </summary>
    private Task<T> AskRouter<T>(object message, CancellationToken cancel) =>
        _router is { } resolved ? AskResolved<T>(resolved, message, cancel) : AskResolving<T>(message, cancel);

    private async Task<T> AskResolving<T>(object message, CancellationToken cancel) =>
        await AskResolved<T>(await Router(cancel), message, cancel);

    private Task<T> AskResolved<T>(IActorRef target, object message, CancellationToken cancel)
    {
        var promise = new ReplyPromise<T>(((IInternalActorRef)target).Provider, Expect<T>);
        var answer = promise.Within(settings.AskTimeout, cancel);
        target.Tell(message, promise);
        return answer;
    }
}

/// <summary>The session store could not be read or written: HTTP answers 503 with <see cref="Exception.Message"/>.</summary>
public sealed class SessionStoreUnavailable(string reason) : Exception(reason);
