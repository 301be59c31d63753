using System.Globalization;
using System.Text.RegularExpressions;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Mcp;
using AkkaMcpEcho.Benchmarks.LoadGen.Measure;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// One step's memory: RSS as it was, RSS after a full GC induced from outside, and the managed heap the server
/// reports then (its healthProbe tool, GC.GetTotalMemory: what is live). Null where it could not be had.
/// </summary>
public sealed record RssPoint(long Raw, long? Collected, long? Heap)
{
    /// <summary>The RSS the bound is judged on: after the GC where it could be had.</summary>
    public long Judged => Collected ?? Raw;
}

/// <summary>Reads <see cref="RssPoint"/>s of one server, over a session of its own (so that no measured ring changes).</summary>
public sealed partial class MemoryProbe : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MaxFall = TimeSpan.FromSeconds(15);
    private readonly int _pid;
    private readonly McpSession _session;

    private MemoryProbe(int pid, McpSession session) => (_pid, _session) = (pid, session);

    public static async Task<MemoryProbe> Open(Target target, CancellationToken cancel)
    {
        var session = new McpSession(new RawHttpConnection(target.Endpoint));
        await session.Initialize(cancel);
        return new MemoryProbe(target.Pid ?? throw new InvalidOperationException("memory needs the server's process id"), session);
    }

    /// <summary>Once the server has been idle 3 s; then after the GC, once RSS has stopped falling (at least 3 s, at most 15).</summary>
    public async Task<RssPoint> Read(CancellationToken cancel)
    {
        await Task.Delay(Settle, cancel);
        var raw = ProcStats.ResidentBytes(_pid);
        if (!await InducedGc.Collect(_pid, cancel))
        {
            return new RssPoint(raw, null, null);
        }
        var collected = await Lowest(cancel);
        var report = await _session.ToolText("healthProbe", cancel);
        var heap = report is not null && ManagedHeap().Match(report) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 1048576 : (long?)null;
        return new RssPoint(raw, collected, heap);
    }

    /// <summary>RSS once it stops falling: the GC returns the regions it freed to the OS over some seconds, not at once.</summary>
    private async Task<long> Lowest(CancellationToken cancel)
    {
        var lowest = long.MaxValue;
        for (var second = 0; second < MaxFall.TotalSeconds; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancel);
            var rss = ProcStats.ResidentBytes(_pid);
            if (second >= Settle.TotalSeconds && rss > lowest - lowest / 200)
            {
                return Math.Min(rss, lowest);
            }
            lowest = Math.Min(lowest, rss);
        }
        return lowest;
    }

    public void Dispose() => _session.Connection.Dispose();

    [GeneratedRegex(@"Managed Heap: (\d+)MB")]
    private static partial Regex ManagedHeap();
}
