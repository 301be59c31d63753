using System.Collections.Immutable;
using Akka.Actor;
using Akka.Event;
using AkkaMcpEcho.Actors;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Registry;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Benchmarks.ActorFootprint;

/// <summary>One shape of actor: how to create N of them, each confirmed alive by one answered message.</summary>
public sealed record Variant(string Name, Func<ActorSystem, int, Task<object>> Create);

public static class Variants
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static readonly Variant[] All =
    [
        new("AkkaMcpEcho session: SessionRegistry + SessionActor after initialize (what a session costs today)", CreateSessions),
        new("bare UntypedActor", (system, n) => Spawn(system, n, Props.Create<Untyped>())),
        new("UntypedActor + SetReceiveTimeout(1h)", (system, n) => Spawn(system, n, Props.Create<UntypedWithTimeout>())),
        new("ReceiveActor, 1 Receive<T>", (system, n) => Spawn(system, n, Props.Create<SmallReceive>())),
        new("ReceiveActor, 9 Receive<T> after Become (SessionActor's shape)", (system, n) => Spawn(system, n, Props.Create<WideReceive>())),
        new("Props.Create(() => new ...) per actor (expression Props, as SessionActor.Props)", (system, n) => Spawn(system, n, null)),
        new("UntypedActor + a Context.GetLogger() field (as SessionActor)", (system, n) => Spawn(system, n, Props.Create<WithLogger>())),
        new("UntypedActor created and death-watched by a parent (as SessionRegistry does)", SpawnWatched),
        new("slim session: UntypedActor + SessionState, static Props, in a registry dictionary, no watch/timeout/logger", SpawnSlim),
        new("passivated session: SessionState in a registry dictionary, no actor", (_, n) => Task.FromResult<object>(States(n))),
    ];

    private static async Task<object> CreateSessions(ActorSystem system, int count)
    {
        var profile = new ServerProfile(TimeSpan.FromHours(1), 1_000_000, 1_048_576, ImmutableArray.Create("2025-06-18"), false);
        var registry = system.ActorOf(SessionRegistry.Props(profile));
        var ids = new List<string>(count);
        for (var start = 0; start < count; start += 1000)
        {
            var batch = Enumerable.Range(0, Math.Min(1000, count - start)).Select(async _ =>
            {
                var started = await registry.Ask<SessionCreation>(new CreateSession("2025-06-18", new ClientInfo("footprint", "1")), Timeout);
                await registry.Ask<SessionAnswer<SessionTouched>>(new TouchSession(started.SessionId!, "notifications/initialized"), Timeout);
                return started.SessionId!;
            });
            ids.AddRange(await Task.WhenAll(batch));
        }
        return ids;
    }

    private static async Task<object> Spawn(ActorSystem system, int count, Props? props)
    {
        var actors = new IActorRef[count];
        for (var i = 0; i < count; i++)
        {
            var name = $"a{Guid.NewGuid():N}";
            actors[i] = system.ActorOf(props ?? Props.Create(() => new WithArguments(name, i)), name);
        }
        for (var start = 0; start < count; start += 1000)
        {
            await Task.WhenAll(actors.Skip(start).Take(1000).Select(a => a.Ask<object>("ping", Timeout)));
        }
        return actors;
    }

    private static async Task<object> SpawnWatched(ActorSystem system, int count)
    {
        var parent = system.ActorOf(Props.Create<WatchingParent>());
        var actors = new List<IActorRef>(count);
        for (var start = 0; start < count; start += 1000)
        {
            var batch = Enumerable.Range(0, Math.Min(1000, count - start)).Select(_ => parent.Ask<IActorRef>("spawn", Timeout));
            actors.AddRange(await Task.WhenAll(batch));
        }
        await Task.WhenAll(actors.Select(a => a.Ask<object>("ping", Timeout)));
        return actors;
    }

    private static async Task<object> SpawnSlim(ActorSystem system, int count)
    {
        var parent = system.ActorOf(Props.Create<SlimRegistry>());
        for (var start = 0; start < count; start += 1000)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(1000, count - start)).Select(_ => parent.Ask<string>("spawn", Timeout)));
        }
        return parent;
    }

    private static Dictionary<string, SessionState> States(int count)
    {
        var states = new Dictionary<string, SessionState>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var state = NewState();
            states[state.SessionId] = state;
        }
        return states;
    }

    private static SessionState NewState() =>
        SessionState.Start(new StartSession(SessionIds.New(), "2025-06-18", new ClientInfo("footprint", "1"), DateTime.UtcNow.Ticks));

    /// <summary>Keeps id → actor like SessionRegistry, without death watch (a slim session tells its parent when it stops).</summary>
    private sealed class SlimRegistry : UntypedActor
    {
        private readonly Dictionary<string, IActorRef> _sessions = new(StringComparer.Ordinal);

        protected override void OnReceive(object message)
        {
            var state = NewState();
            var child = Context.ActorOf(SlimSession.Props(state), state.SessionId);
            _sessions[state.SessionId] = child;
            child.Forward(message);
        }
    }

    private sealed class SlimSession(SessionState state) : UntypedActor
    {
        private SessionState _state = state;

        public static Props Props(SessionState state) => Akka.Actor.Props.Create(typeof(SlimSession), state);

        protected override void OnReceive(object message)
        {
            _state = _state.Touched(DateTime.UtcNow.Ticks);
            Sender.Tell(_state.SessionId);
        }
    }

    private sealed class WatchingParent : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            var child = Context.ActorOf(Props.Create<Untyped>(), $"a{Guid.NewGuid():N}");
            Context.Watch(child);
            Sender.Tell(child);
        }
    }

    private sealed class WithLogger : UntypedActor
    {
        private readonly ILoggingAdapter _log = Context.GetLogger();

        protected override void OnReceive(object message) => Sender.Tell(_log.IsDebugEnabled ? message : message);
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    private sealed class UntypedWithTimeout : UntypedActor
    {
        public UntypedWithTimeout() => Context.SetReceiveTimeout(TimeSpan.FromHours(1));

        protected override void OnReceive(object message) => Sender.Tell(message);
    }

    private sealed class WithArguments(string name, int index) : UntypedActor
    {
        protected override void OnReceive(object message) => Sender.Tell(name.Length + index > -1 ? message : name);
    }

    private sealed class SmallReceive : ReceiveActor
    {
        public SmallReceive() => ReceiveAny(m => Sender.Tell(m));
    }

    private sealed class WideReceive : ReceiveActor
    {
        public WideReceive()
        {
            Receive<int>(_ => Become(Active));
            ReceiveAny(m =>
            {
                Become(Active);
                Sender.Tell(m);
            });
        }

        private void Active()
        {
            Receive<int>(_ => { });
            Receive<long>(_ => { });
            Receive<double>(_ => { });
            Receive<Guid>(_ => { });
            Receive<DateTime>(_ => { });
            Receive<TimeSpan>(_ => { });
            Receive<Terminated>(_ => { });
            Receive<ReceiveTimeout>(_ => { });
            Receive<string>(m => Sender.Tell(m));
        }
    }
}
