using Akka.Actor;
using Akka.Persistence;
using AkkaMcpEcho.Messages.Store;

namespace AkkaMcpEcho.Actors.Store;

/// <summary>
/// Asks the journal every <see cref="Interval"/> for a probe id's highest sequence number (a read, through the same
/// plugin and circuit breaker as the sessions'), and answers <see cref="GetStoreHealth"/> with the last outcome: what
/// /health reports as degraded. A probe unanswered after <see cref="AnswerWithin"/> counts as a failure (a journal still
/// creating its tables, or waiting on a database that does not answer, holds requests).
/// </summary>
public sealed class StoreProbe : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(3);
    private const string ProbeId = "akka-mcp-echo-store-probe";

    private readonly string _kind;
    private readonly IActorRef _journal;
    private readonly List<IActorRef> _awaitingReady = [];
    private StoreHealth _health;
    private long _sentUtcTicks;

    public StoreProbe(string kind)
    {
        _kind = kind;
        _journal = Persistence.Instance.Apply(Context.System).JournalFor(null);
        _health = new StoreHealth(kind, false, "not reached yet", DateTime.UtcNow.Ticks);
        Receive<Probe>(_ => Tick());
        Receive<RecoverySuccess>(_ => Checked(null));
        Receive<ReplayMessagesFailure>(failure => Checked(SessionJournal.Describe(failure.Cause)));
        Receive<ReplayedMessage>(_ => { });
        Receive<GetStoreHealth>(_ => Sender.Tell(_health));
        Receive<AwaitStoreReady>(_ =>
        {
            if (_health.Available)
            {
                Sender.Tell(_health);
            }
            else
            {
                _awaitingReady.Add(Sender);
            }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string kind) => Akka.Actor.Props.Create(() => new StoreProbe(kind));

    protected override void PreStart()
    {
        Send();
        Timers.StartPeriodicTimer("probe", Probe.Instance, Interval);
    }

    private void Tick()
    {
        if (_sentUtcTicks == 0)
        {
            Send();
            return;
        }
        var waited = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - _sentUtcTicks);
        if (waited >= AnswerWithin && _health.Available)
        {
            _health = new StoreHealth(_kind, false, $"the store did not answer within {AnswerWithin.TotalSeconds:0}s", DateTime.UtcNow.Ticks);
        }
        if (waited >= 4 * AnswerWithin)
        {
            Send();
        }
    }

    private void Send()
    {
        _sentUtcTicks = DateTime.UtcNow.Ticks;
        _journal.Tell(new ReplayMessages(1, 0, 0, ProbeId, Self));
    }

    private void Checked(string? error)
    {
        _sentUtcTicks = 0;
        _health = new StoreHealth(_kind, error is null, error, DateTime.UtcNow.Ticks);
        if (error is null)
        {
            _awaitingReady.ForEach(waiting => waiting.Tell(_health));
            _awaitingReady.Clear();
        }
    }

    private sealed record Probe
    {
        public static readonly Probe Instance = new();
    }
}

/// <summary>Answered with <see cref="StoreHealth"/> once the store has been reached (local: the host's start waits on it).</summary>
public sealed record AwaitStoreReady
{
    public static readonly AwaitStoreReady Instance = new();
}
