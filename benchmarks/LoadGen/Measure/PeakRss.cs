namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>The highest VmRSS of a process, sampled every 250 ms from creation until disposal.</summary>
public sealed class PeakRss : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakRss(int pid) => _sampling = Task.Run(() => Sample(pid));

    public long Bytes => Interlocked.Read(ref _peak);

    private async Task Sample(int pid)
    {
        while (!_stop.IsCancellationRequested)
        {
            var rss = ProcStats.ResidentBytes(pid);
            if (rss > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, rss);
            }
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
