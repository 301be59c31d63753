using System.Globalization;
using System.Net;

namespace AkkaMcpEcho.Cluster.Tests;

/// <summary>One echo of <see cref="PostgresFailover"/>'s load: when it started and ended (on the scenario's clock) and its answer.</summary>
public sealed record EchoOutcome(string Message, int Via, TimeSpan Started, TimeSpan Ended, HttpStatusCode Status, int? Count, string Body)
{
    public string? RetryAfter { get; init; }

    public bool Acknowledged => Status == HttpStatusCode.OK && Count is not null;
}

/// <summary>What a session answered after the load: sessionInfo, replayLastEcho, and one more echo.</summary>
public sealed record FinalState(int EchoCount, string ProtocolVersion, string Client, string Replayed, int ReplayedCount, int NextCount);

/// <summary>
/// One session of <see cref="PostgresFailover"/>: its known echoes (set before the kill), every echo of the load in the
/// order sent (one at a time: a single worker drives it), and its state read back at the end.
/// </summary>
public sealed class FailoverSession(string id, int index, string protocolVersion)
{
    private readonly List<EchoOutcome> _load = [];
    private long _lastFailureEndTicks = -1;
    private long _lastOkStartTicks = -1;

    public string Id { get; } = id;
    public int Index { get; } = index;
    public string ProtocolVersion { get; } = protocolVersion;
    public string ClientName => $"failover-{Index}";
    public int KnownEchoes => 1 + Index % 3;
    public IReadOnlyList<EchoOutcome> Load => _load;
    public FinalState? Final { get; set; }
    public string? FinalProblem { get; set; }

    /// <summary>Answered 200 since its last other answer (or never had another): safe to read from the monitor.</summary>
    public bool AnswersNow(TimeSpan since) =>
        Interlocked.Read(ref _lastOkStartTicks) >= Math.Max(since.Ticks, Interlocked.Read(ref _lastFailureEndTicks));

    public void Record(EchoOutcome outcome)
    {
        _load.Add(outcome);
        if (outcome.Acknowledged)
        {
            Interlocked.Exchange(ref _lastOkStartTicks, outcome.Started.Ticks);
        }
        else
        {
            Interlocked.Exchange(ref _lastFailureEndTicks, outcome.Ended.Ticks);
        }
    }

    /// <summary>
    /// Whether the state read back is exactly what the answers allow. Every echo the session ever applied was either
    /// acknowledged (200 with its number) or had an unknown outcome (a 503 "node lost": the request may have been applied
    /// by the dead node, or may still be applied from a survivor's buffer, before its answer gave up). So an echo
    /// acknowledged after A earlier acknowledgements and U earlier unknowns has a number in A+1 … A+1+U; the final count
    /// lies in A … A+U for all of them; the replayed echo is the acknowledged one with that number or one of the
    /// unknowns. Lost state shows as a number below its lower bound. Null when all holds.
    /// </summary>
    public string? Inconsistency()
    {
        if (Final is not { } final)
        {
            return $"no final state: {FinalProblem}";
        }
        int acknowledged = KnownEchoes, unknown = 0;
        foreach (var outcome in _load)
        {
            if (!outcome.Acknowledged)
            {
                unknown++;
                continue;
            }
            if (outcome.Count < acknowledged + 1 || outcome.Count > acknowledged + 1 + unknown)
            {
                return $"'{outcome.Message}' was echo number {outcome.Count} after {acknowledged} acknowledged and {unknown} unknown";
            }
            acknowledged++;
        }
        if (final.EchoCount < acknowledged || final.EchoCount > acknowledged + unknown)
        {
            return $"echo count {final.EchoCount} after {acknowledged} acknowledged and {unknown} unknown echoes";
        }
        var numbered = _load.Where(o => o.Acknowledged).Select(o => (o.Message, Count: o.Count!.Value))
            .Prepend((Message: KnownMessage(KnownEchoes), Count: KnownEchoes));
        var replayedAcknowledged = numbered.Any(n => n.Message == final.Replayed && n.Count == final.ReplayedCount);
        var replayedUnknown = _load.Any(o => !o.Acknowledged && o.Message == final.Replayed);
        if (final.ReplayedCount != final.EchoCount || !(replayedAcknowledged || replayedUnknown))
        {
            return $"replayed '{final.Replayed}' as echo {final.ReplayedCount}, count {final.EchoCount}";
        }
        if (final.NextCount != final.EchoCount + 1)
        {
            return $"the next echo was number {final.NextCount}, not {final.EchoCount + 1}";
        }
        return final.ProtocolVersion == ProtocolVersion && final.Client.Contains(ClientName, StringComparison.Ordinal)
            ? null
            : $"protocol {final.ProtocolVersion}, client {final.Client}";
    }

    /// <summary>Echoes whose outcome was unknown and that the final count shows were applied.</summary>
    public int AppliedUnknowns => Final is null ? 0 : Final.EchoCount - KnownEchoes - _load.Count(o => o.Acknowledged);

    public string KnownMessage(int n) => $"session {Index} known {n}";

    public static int? ParseCount(string toolText, string message)
    {
        var lines = toolText.Split('\n');
        const string prefix = "Echo count in session: ";
        return lines.Length == 3 && lines[0] == message && lines[2].StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(lines[2][prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : null;
    }
}
