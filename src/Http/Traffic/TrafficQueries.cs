using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Sessions;
using AkkaMcpEcho.Messages.Traffic;
using AkkaMcpEcho.Protocol.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>What the traffic page and exports read: every node's recent exchanges, or one session's (or handle's) own ring.</summary>
internal sealed class TrafficQueries(IRequiredActor<TrafficLogKey> log, SessionGateway sessions, EchoSettings settings)
{
    public const int MaxLimit = 100_000;

    /// <summary>The newest <paramref name="limit"/> exchanges of every node (a node that does not answer in time is left out).</summary>
    public Task<TrafficSlice> Everything(int limit, CancellationToken cancel) =>
        log.ActorRef.Ask<TrafficSlice>(new GetTraffic(limit, AllNodes: true), settings.AskTimeout, cancel);

    /// <summary>
    /// One session's or handle's ring and its state, with its lifecycle exchanges from the nodes' rings; null when no
    /// such session lives.
    /// </summary>
    public async Task<SessionTraffic?> Session(string id, CancellationToken cancel)
    {
        if ((await sessions.Ask(new GetSessionTraffic(id), cancel)).Reply is not { } own)
        {
            return null;
        }
        var logged = await log.ActorRef.Ask<TrafficSlice>(new GetTraffic(MaxLimit, AllNodes: true, id), settings.AskTimeout, cancel);
        return SessionRings.WithLifecycle(own, logged.Exchanges);
    }
}
