namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>
/// One process's RSS over a run, in MB, judged on its floor. The samples after the warm-up are cut into windows of a
/// fixed length, counted back from the last sample (a shorter remainder joins the first window, which can only lower
/// the first floor); each window's minimum is a floor. The GC commits and returns memory in steps of ~10 MB that come
/// and go within minutes (benchmarks/SOAK-MEMORY.md); memory that is kept raises every later floor.
/// </summary>
/// <param name="Floors">Each window's minimum, first to last, with the middle of the window in minutes.</param>
/// <param name="FloorSlopeMbPerMinute">The least-squares slope of the floors over the middles of their windows.</param>
/// <param name="SampleSlopeMbPerMinute">The least-squares slope of every sample after the warm-up (shown, not judged).</param>
public sealed record MemoryTrend(double StartMb, double PeakMb, IReadOnlyList<(double Minute, double Mb)> Floors,
    double FloorSlopeMbPerMinute, double SampleSlopeMbPerMinute, int Samples)
{
    /// <summary>Fewer floors than this say nothing about a trend: the node is not flat.</summary>
    public const int MinFloors = 3;

    public double FirstFloorMb => Floors.Count > 0 ? Floors[0].Mb : double.NaN;

    public double LastFloorMb => Floors.Count > 0 ? Floors[^1].Mb : double.NaN;

    /// <summary>How far the last floor lies above the first, in percent (negative when it fell).</summary>
    public double FloorDriftPercent => (LastFloorMb - FirstFloorMb) / FirstFloorMb * 100;

    /// <summary>Growth only fails: a floor slope and a floor drift within the bounds, or a floor that fell, is flat.</summary>
    public bool Flat(double maxSlopeMbPerMinute, double maxDriftPercent) =>
        Floors.Count >= MinFloors && FloorSlopeMbPerMinute <= maxSlopeMbPerMinute && FloorDriftPercent <= maxDriftPercent;

    public static MemoryTrend From(IReadOnlyList<(TimeSpan At, long Bytes)> samples, TimeSpan warmUp, TimeSpan window)
    {
        var all = samples.Select(s => (Minute: s.At.TotalMinutes, Mb: s.Bytes / 1048576.0)).ToArray();
        var after = all.Where(s => s.Minute >= warmUp.TotalMinutes).ToArray();
        var floors = Windows(after, window.TotalMinutes).Select(w => ((w[0].Minute + w[^1].Minute) / 2, w.Min(s => s.Mb))).ToList();
        return new MemoryTrend(all.Length > 0 ? all[0].Mb : double.NaN, all.Length > 0 ? all.Max(s => s.Mb) : double.NaN,
            floors, Slope(floors), Slope(after), after.Length);
    }

    /// <summary>Consecutive windows of <paramref name="minutes"/>, the last ending at the last sample; the remainder
    /// shorter than a window goes into the first one.</summary>
    private static List<(double Minute, double Mb)[]> Windows((double Minute, double Mb)[] samples, double minutes)
    {
        var windows = new List<(double Minute, double Mb)[]>();
        if (samples.Length == 0 || minutes <= 0)
        {
            return windows;
        }
        var end = samples[^1].Minute;
        var count = Math.Max(1, (int)Math.Floor((end - samples[0].Minute) / minutes + 1e-9));
        for (var i = 0; i < count; i++)
        {
            var from = i == 0 ? double.NegativeInfinity : end - (count - i) * minutes;
            var to = end - (count - i - 1) * minutes;
            var part = samples.Where(s => s.Minute > from && s.Minute <= to).ToArray();
            if (part.Length > 0)
            {
                windows.Add(part);
            }
        }
        return windows;
    }

    private static double Slope(IReadOnlyList<(double Minute, double Mb)> points)
    {
        if (points.Count < 2)
        {
            return double.NaN;
        }
        var meanT = points.Average(p => p.Minute);
        var meanM = points.Average(p => p.Mb);
        return points.Sum(p => (p.Minute - meanT) * (p.Mb - meanM)) / points.Sum(p => (p.Minute - meanT) * (p.Minute - meanT));
    }
}
