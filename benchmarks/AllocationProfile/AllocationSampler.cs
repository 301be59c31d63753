using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;

namespace AkkaMcpEcho.Benchmarks.AllocationProfile;

/// <summary>
/// The runtime's allocation samples (one event about every 100 KB, naming the type that crossed it) summed by type, the
/// process's exact allocated bytes, and the HTTP requests the server finished (ASP.NET Core's request-duration
/// instrument; DELETEs apart, one per ended session), all over the same window.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private readonly MeterListener _requests = new();
    private long _requestCount;
    private long _deleteCount;
    private long _allocatedAtStart;
    private long _allocatedAtStop;
    private volatile bool _sampling;

    public AllocationSampler()
    {
        _requests.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "Microsoft.AspNetCore.Hosting", Name: "http.server.request.duration" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _requests.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            if (!_sampling)
            {
                return;
            }
            Interlocked.Increment(ref _requestCount);
            foreach (var tag in tags)
            {
                if (tag is { Key: "http.request.method", Value: "DELETE" })
                {
                    Interlocked.Increment(ref _deleteCount);
                }
            }
        });
        _requests.Start();
    }

    public long Requests => Interlocked.Read(ref _requestCount);

    public long Deletes => Interlocked.Read(ref _deleteCount);

    /// <summary>Every byte the process allocated in the window (not sampled).</summary>
    public long Allocated => _allocatedAtStop - _allocatedAtStart;

    public void Start()
    {
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: true);
        _sampling = true;
    }

    public void Stop()
    {
        _sampling = false;
        _allocatedAtStop = GC.GetTotalAllocatedBytes(precise: true);
    }

    public IReadOnlyList<(string Type, long Bytes)> ByType()
    {
        lock (_bytesByType)
        {
            return [.. _bytesByType.OrderByDescending(pair => pair.Value).Select(pair => (pair.Key, pair.Value))];
        }
    }

    public override void Dispose()
    {
        _requests.Dispose();
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs sample)
    {
        if (!_sampling || sample.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true
            || sample.PayloadNames is not { } names || sample.Payload is not { } payload)
        {
            return;
        }
        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var bytes = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + bytes;
        }
    }
}
