namespace AkkaMcpEcho.Messages;

/// <summary>A message addressed to one session; routing (local registry or shard region) reads this id.</summary>
public interface IWithSessionId
{
    string SessionId { get; }
}
