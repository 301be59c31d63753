using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.Actor;
using AkkaMcpEcho.Actors.Traffic;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// The registry's dormant sessions: their state until the next message or their expiry, and the messages that arrive
/// while a session's actor hands over its state and stops. Owned by <see cref="SessionRegistry"/>, used on its thread.
/// </summary>
internal sealed class DormantSessions(ServerProfile profile)
{
    private readonly Dictionary<string, (DormantSession Session, long ExpiresUtcTicks)> _asleep = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(IWithSessionId Message, IActorRef Sender)>> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<ClientInfo, ClientInfo> _clients = [];
    private int _handingOver;

    /// <summary>Distinct client infos shared among dormant sessions at most (most servers see a handful of clients).</summary>
    private const int SharedClients = 256;

    /// <summary>How often expiry is checked: a dormant session expires at most this late.</summary>
    public TimeSpan SweepEvery { get; } = TimeSpan.FromTicks(Math.Clamp((profile.SessionTimeout - profile.DormantAfter).Ticks / 4,
        TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>Sessions asleep, and those handing over (their actor no longer routed to, their state not yet here).</summary>
    public int Count => _asleep.Count + _handingOver;

    /// <summary>Messages for a session whose actor is handing over or stopping wait here; null when it is neither.</summary>
    public List<(IWithSessionId Message, IActorRef Sender)>? Waiting(string id) => _waiting.GetValueOrDefault(id);

    /// <summary>
    /// A session created as plain state (no actor until a message needs one): like a dormant session, it expires
    /// <c>MCP_SESSION_TIMEOUT</c> after its last message.
    /// </summary>
    public void Started(SessionState state) =>
        _asleep[state.SessionId] = (new DormantSession(WithSharedClient(state), null, null, null), Expiry(DateTime.UtcNow.Ticks));

    /// <summary>
    /// A 2025 session's own state while no actor holds it, for a message answered here; null when it has an actor, hands
    /// over, is unknown, or is a handle (those wake or are routed as before).
    /// </summary>
    public SessionState? Plain(string id) =>
        !_waiting.ContainsKey(id) && _asleep.TryGetValue(id, out var asleep) && asleep.Session.State.Kind == SessionKind.Session
            ? asleep.Session.State
            : null;

    /// <summary>A message answered here changed the state: it is kept, and expiry counts from now.</summary>
    public void Update(SessionState state, long nowUtcTicks)
    {
        ref var asleep = ref CollectionsMarshal.GetValueRefOrNullRef(_asleep, state.SessionId);
        asleep = (asleep.Session with { State = state }, Expiry(nowUtcTicks));
    }

    /// <summary>Recorded exchanges go to the session's ring, as its actor would keep them (and, as there, count as its last message).</summary>
    public void Record(string id, ImmutableArray<ExchangeRecord> records, long nowUtcTicks)
    {
        ref var asleep = ref CollectionsMarshal.GetValueRefOrNullRef(_asleep, id);
        var session = asleep.Session;
        var ring = TrafficRing.Keep(session.Traffic, profile.SessionTraffic, records);
        asleep = (ReferenceEquals(ring, session.Traffic) ? session : session with { Traffic = ring }, Expiry(nowUtcTicks));
    }

    private long Expiry(long lastMessageUtcTicks) => lastMessageUtcTicks + profile.SessionTimeout.Ticks;

    /// <summary>Wakes a dormant session: its state, no longer kept here.</summary>
    public DormantSession? Take(string id) => _asleep.Remove(id, out var asleep) ? asleep.Session : null;

    public void HandingOver(string id)
    {
        _waiting[id] = [];
        _handingOver++;
    }

    /// <summary>The state arrived; it expires when the session would have, counting from its last message.</summary>
    public void Asleep(string id, DormantSession session)
    {
        if (WithSharedClient(session.State) is var state && !ReferenceEquals(state, session.State))
        {
            session = session with { State = state };
        }
        _asleep[id] = (session, DateTime.UtcNow.Ticks + (profile.SessionTimeout - profile.DormantAfter).Ticks);
        _handingOver--;
    }

    /// <summary>The session stayed awake: the messages that waited.</summary>
    public List<(IWithSessionId Message, IActorRef Sender)>? Awake(string id)
    {
        if (!_waiting.Remove(id, out var waiting))
        {
            return null;
        }
        _handingOver--;
        return waiting;
    }

    /// <summary>
    /// A session's actor stopped: when it had gone dormant, the messages that waited for it (it is no end of the
    /// session); null when it stopped for another reason.
    /// </summary>
    public List<(IWithSessionId Message, IActorRef Sender)>? Stopped(string id)
    {
        if (!_waiting.Remove(id, out var waiting))
        {
            return null;
        }
        if (_asleep.ContainsKey(id))
        {
            return waiting;
        }
        _handingOver--;
        return null;
    }

    private SessionState WithSharedClient(SessionState state) =>
        Shared(state.Client) is { } client && !ReferenceEquals(client, state.Client) ? state with { Client = client } : state;

    /// <summary>One instance of each client info (a record: equal by value), so that a million sessions of one client hold one.</summary>
    private ClientInfo? Shared(ClientInfo client)
    {
        if (_clients.TryGetValue(client, out var shared))
        {
            return shared;
        }
        if (_clients.Count < SharedClients)
        {
            _clients[client] = client;
        }
        return client;
    }

    /// <summary>Removes and returns the dormant sessions past their expiry (not those whose actor is still stopping).</summary>
    public List<(string Id, DormantSession Session)> Expired(long nowUtcTicks)
    {
        var expired = new List<(string, DormantSession)>();
        foreach (var (id, asleep) in _asleep)
        {
            if (asleep.ExpiresUtcTicks <= nowUtcTicks && !_waiting.ContainsKey(id))
            {
                expired.Add((id, asleep.Session));
            }
        }
        expired.ForEach(e => _asleep.Remove(e.Item1));
        return expired;
    }
}
