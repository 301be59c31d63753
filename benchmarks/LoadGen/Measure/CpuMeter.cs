using System.Diagnostics;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>CPU used by the server processes (summed) and by this load generator over a measured window.</summary>
public sealed class CpuMeter(IReadOnlyList<int> serverPids)
{
    private TimeSpan _server;
    private TimeSpan _self;
    private long _started;

    public CpuMeter(int? serverPid)
        : this(serverPid is { } pid ? [pid] : [])
    {
    }

    public void Start()
    {
        _server = ServerCpu();
        _self = Process.GetCurrentProcess().TotalProcessorTime;
        _started = Stopwatch.GetTimestamp();
    }

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var server = ServerCpu() - _server;
        var self = Process.GetCurrentProcess().TotalProcessorTime - _self;
        return new CpuUse(wall, server, self);
    }

    private TimeSpan ServerCpu() => serverPids.Aggregate(TimeSpan.Zero, (sum, pid) => sum + ProcStats.CpuTime(pid));
}

public sealed record CpuUse(TimeSpan Wall, TimeSpan Server, TimeSpan LoadGen);
