using Akka.Cluster.Sharding;
using AkkaMcpEcho.Actors.Sessions;

namespace AkkaMcpEcho.Actors.Sharding;

/// <summary>
/// The shards whose entities run on this node, learnt from the sessions that open here; shards never move between live
/// nodes (cluster.hocon), so the set only grows until this node leaves. A message for such a shard needs neither the
/// coordinator nor another member. Not thread-safe: owned by one actor.
/// </summary>
internal sealed class LocalShards(IMessageExtractor extractor, SessionIds ids)
{
    // With one local shard of 100, a draw misses with probability 0.99: 1000 draws all miss with probability 4e-5.
    private const int DrawsAtMost = 1000;

    private readonly HashSet<string> _shards = new(StringComparer.Ordinal);

    public void Opened(string sessionId) => _shards.Add(extractor.ShardId(sessionId, null));

    public bool Hosts(string sessionId) => _shards.Count > 0 && _shards.Contains(extractor.ShardId(sessionId, null));

    /// <summary>
    /// A fresh session id whose shard is hosted here, or null while none is known. The id is still a CSPRNG UUID; choosing
    /// its shard spends under 7 of its 122 random bits.
    /// </summary>
    public string? NewSessionId()
    {
        if (_shards.Count == 0)
        {
            return null;
        }
        for (var i = 0; i < DrawsAtMost; i++)
        {
            var id = ids.Next();
            if (Hosts(id))
            {
                return id;
            }
        }
        return null;
    }
}
