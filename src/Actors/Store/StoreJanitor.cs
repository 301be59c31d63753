using Akka.Actor;
using Akka.Event;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaMcpEcho.Messages.Store;

namespace AkkaMcpEcho.Actors.Store;

/// <summary>
/// Sessions in the store outlive the process that served them; one no client comes back to would stay there. Every
/// <see cref="Every"/> (first shortly after start) this wakes each session the journal holds, through the session router:
/// a session idle past the timeout expires and erases itself; a live one is left as it was.
/// </summary>
public sealed class StoreJanitor : ReceiveActor, IWithTimers
{
    private readonly IActorRef _router;
    private readonly TimeSpan _every;
    private bool _sweeping;

    public StoreJanitor(IActorRef router, TimeSpan sessionTimeout)
    {
        _router = router;
        _every = sessionTimeout < TimeSpan.FromMinutes(1) ? sessionTimeout : TimeSpan.FromMinutes(1);
        Receive<Sweep>(_ => Start());
        Receive<string>(persistenceId => Wake(persistenceId));
        Receive<Started>(_ => { });
        Receive<Swept>(_ => _sweeping = false);
        Receive<Status.Failure>(failure =>
        {
            _sweeping = false;
            Context.GetLogger().Warning("Could not list the stored sessions to expire idle ones: {0}", SessionJournal.Describe(failure.Cause));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef router, TimeSpan sessionTimeout) =>
        Akka.Actor.Props.Create(() => new StoreJanitor(router, sessionTimeout));

    protected override void PreStart()
    {
        Timers.StartSingleTimer("first", Sweep.Instance, TimeSpan.FromSeconds(10));
        Timers.StartPeriodicTimer("sweep", Sweep.Instance, _every);
    }

    private void Start()
    {
        if (_sweeping)
        {
            return;
        }
        _sweeping = true;
        // The read journal's constructor waits for the journal's tables: off the actor's thread.
        var (system, self, materializer) = (Context.System, Self, Context.Materializer());
        Task.Run(() =>
        {
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
            // Throttled: a store of many thousands of sessions wakes them over seconds, not in one burst.
            journal.CurrentPersistenceIds()
                .Throttle(500, TimeSpan.FromSeconds(1), 500, ThrottleMode.Shaping)
                .RunWith(Sink.ActorRef<string>(self, Swept.Instance, ex => new Status.Failure(ex)), materializer);
        }).ContinueWith(t => t.IsFaulted ? new Status.Failure(t.Exception!) : (object)Started.Instance, TaskScheduler.Default)
            .PipeTo(self);
    }

    private void Wake(string persistenceId)
    {
        if (persistenceId.StartsWith(SessionJournal.Prefix, StringComparison.Ordinal))
        {
            _router.Tell(new WakeSession(persistenceId[SessionJournal.Prefix.Length..]));
        }
    }

    private sealed record Sweep
    {
        public static readonly Sweep Instance = new();
    }

    private sealed record Started
    {
        public static readonly Started Instance = new();
    }

    private sealed record Swept
    {
        public static readonly Swept Instance = new();
    }
}
