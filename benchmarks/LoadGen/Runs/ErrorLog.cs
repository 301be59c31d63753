using System.Collections.Concurrent;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>Counts failures and keeps the first few messages to show.</summary>
public sealed class ErrorLog
{
    private const int Kept = 5;
    private readonly ConcurrentQueue<string> _samples = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);
    public IReadOnlyList<string> Samples => [.. _samples];

    public void Add(string problem)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
        {
            _samples.Enqueue(problem);
        }
    }
}
