using Akka.Cluster.Sharding;
using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>Routes every <see cref="IWithSessionId"/> message to the entity named by its session id.</summary>
public sealed class SessionMessageExtractor(int maxNumberOfShards) : HashCodeMessageExtractor(maxNumberOfShards)
{
    public override string? EntityId(object message) => message is IWithSessionId session ? session.SessionId : null;
}
