namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>
/// One process's RSS over a run, in MB: the first sample, the mean of the first 3 samples after the warm-up, the peak,
/// the mean of the last 3 samples, and the least-squares slope (MB per minute) of the samples after the warm-up.
/// </summary>
public sealed record MemoryTrend(double StartMb, double SettledMb, double PeakMb, double EndMb, double SlopeMbPerMinute, int Samples)
{
    private const int Averaged = 3;

    /// <summary>How far the end lies above the post-warm-up figure, in percent (negative when it fell).</summary>
    public double DriftPercent => (EndMb - SettledMb) / SettledMb * 100;

    /// <summary>Growth only fails: a slope or an end below the thresholds, or memory that fell, is flat.</summary>
    public bool Flat(double maxSlopeMbPerMinute, double maxDriftPercent) =>
        Samples >= 2 * Averaged && SlopeMbPerMinute <= maxSlopeMbPerMinute && DriftPercent <= maxDriftPercent;

    public static MemoryTrend From(IReadOnlyList<(TimeSpan At, long Bytes)> samples, TimeSpan warmUp)
    {
        var all = samples.Select(s => (Minutes: s.At.TotalMinutes, Mb: s.Bytes / 1048576.0)).ToArray();
        var after = all.Where(s => s.Minutes >= warmUp.TotalMinutes).ToArray();
        if (all.Length == 0 || after.Length < 2)
        {
            return new MemoryTrend(all.FirstOrDefault().Mb, double.NaN, all.Select(s => s.Mb).DefaultIfEmpty().Max(), double.NaN, double.NaN, after.Length);
        }
        var meanT = after.Average(s => s.Minutes);
        var meanM = after.Average(s => s.Mb);
        var slope = after.Sum(s => (s.Minutes - meanT) * (s.Mb - meanM)) / after.Sum(s => (s.Minutes - meanT) * (s.Minutes - meanT));
        return new MemoryTrend(all[0].Mb, after.Take(Averaged).Average(s => s.Mb), all.Max(s => s.Mb),
            after.TakeLast(Averaged).Average(s => s.Mb), slope, after.Length);
    }
}
