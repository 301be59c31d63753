using System.Diagnostics;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>CPU used by the server process and by this load generator over a measured window.</summary>
public sealed class CpuMeter(int? serverPid)
{
    private TimeSpan _server;
    private TimeSpan _self;
    private long _started;

    public void Start()
    {
        _server = serverPid is { } pid ? ProcStats.CpuTime(pid) : TimeSpan.Zero;
        _self = Process.GetCurrentProcess().TotalProcessorTime;
        _started = Stopwatch.GetTimestamp();
    }

    public CpuUse Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started);
        var server = serverPid is { } pid ? ProcStats.CpuTime(pid) - _server : TimeSpan.Zero;
        var self = Process.GetCurrentProcess().TotalProcessorTime - _self;
        return new CpuUse(wall, server, self);
    }
}

public sealed record CpuUse(TimeSpan Wall, TimeSpan Server, TimeSpan LoadGen);
