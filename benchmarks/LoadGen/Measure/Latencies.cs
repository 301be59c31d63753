using System.Diagnostics;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>Latency percentiles in milliseconds from raw Stopwatch tick samples.</summary>
public sealed record Latencies(double P50, double P90, double P99, double Max)
{
    public static readonly Latencies None = new(double.NaN, double.NaN, double.NaN, double.NaN);

    public static Latencies From(IEnumerable<List<long>> samples)
    {
        var all = samples.SelectMany(s => s).ToArray();
        if (all.Length == 0)
        {
            return None;
        }
        Array.Sort(all);
        return new Latencies(Ms(At(all, 0.50)), Ms(At(all, 0.90)), Ms(At(all, 0.99)), Ms(all[^1]));
    }

    private static long At(long[] sorted, double quantile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
