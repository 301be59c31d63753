using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// How sessions are created: by a constructor call instead of Akka's reflective activation, which looks the constructor
/// up by its arguments' types for every session.
/// </summary>
public sealed partial class SessionActor
{
    /// <param name="sessionId">The session's id; null takes the actor's name, which the registry makes the id.</param>
    /// <param name="lifecycle">Optional observer told <see cref="SessionOpened"/> and <see cref="SessionClosed"/> (cluster-mode counters).</param>
    /// <param name="dormancy">The parent is the single-node registry, which keeps quiet sessions as plain state.</param>
    public SessionActor(string? sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle, bool dormancy)
    {
        _sessionId = sessionId ?? Self.Path.Name;
        _profile = profile;
        _statsSource = statsSource;
        _lifecycle = lifecycle;
        _dormancy = dormancy && profile.Dormancy;
    }

    public static Props Props(string sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle = null, bool dormancy = false) =>
        Akka.Actor.Props.CreateBy(new Producer(sessionId, profile, statsSource, lifecycle, dormancy));

    /// <summary>One Props for all of a registry's sessions: each actor takes its name as its session id.</summary>
    public static Props NamedProps(ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle, bool dormancy) =>
        Akka.Actor.Props.CreateBy(new Producer(null, profile, statsSource, lifecycle, dormancy));

    private sealed class Producer(string? sessionId, ServerProfile profile, IActorRef statsSource, IActorRef? lifecycle, bool dormancy)
        : IIndirectActorProducer
    {
        public Type ActorType => typeof(SessionActor);

        public ActorBase Produce() => new SessionActor(sessionId, profile, statsSource, lifecycle, dormancy);

        public void Release(ActorBase actor)
        {
        }
    }
}
