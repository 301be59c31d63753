using System.Collections.Immutable;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Protocol.Traffic;

/// <summary>
/// What a session's (or handle's) own ring keeps: its calls, not a 404 for an unknown id, not the DELETE that ended it,
/// and not its lifecycle (<c>initialize</c>, <c>notifications/initialized</c>), which every session has and which would
/// double what an idle session costs. The lifecycle stays in the node's ring, and a session's view joins it back.
/// </summary>
public static class SessionRings
{
    public static bool Keeps(ExchangeRecord record) =>
        record.Session is not null && record.Status != 404 && !(record.HttpMethod == "DELETE" && record.Status < 300) && !IsLifecycle(record);

    public static bool IsLifecycle(ExchangeRecord record) => record.RpcMethod is "initialize" or "notifications/initialized";

    /// <summary>A session's ring with its lifecycle exchanges from the nodes' rings (those still there), oldest first.</summary>
    public static SessionTraffic WithLifecycle(SessionTraffic own, IEnumerable<ExchangeRecord> logged)
    {
        var lifecycle = logged.Where(IsLifecycle).ToArray();
        if (lifecycle.Length == 0)
        {
            return own;
        }
        var kept = own.Exchanges.Select(record => record.Id).ToHashSet(StringComparer.Ordinal);
        ImmutableArray<ExchangeRecord> joined = [.. own.Exchanges.Concat(lifecycle.Where(record => !kept.Contains(record.Id)))
            .OrderBy(record => record.StartedUtcTicks).ThenBy(record => record.Id, StringComparer.Ordinal)];
        return own with { Exchanges = joined };
    }
}
