namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>
/// Checks the floor judgement of <see cref="MemoryTrend"/> against made-up RSS curves (a sample every 10 s, 30 minutes,
/// judged after 5 minutes in 3-minute windows, at most 0.5 MB/min and 10 %), so a judgement that lets a leak pass, or
/// fails on the GC's steps alone, cannot go unnoticed.
/// </summary>
public static class MemoryTrendSelfTest
{
    private static readonly (string Name, Func<double, double> Mb, double Minutes, bool Flat)[] Cases =
    [
        ("flat floor under the GC's steps", t => 200 + GcSteps(t), 30, true),
        ("a floor that falls", t => 230 - 0.5 * t + GcSteps(t), 30, true),
        ("a leak of 1 MB/min under the GC's steps", t => 200 + t + GcSteps(t), 30, false),
        ("a leak of 0.6 MB/min under the GC's steps", t => 200 + 0.6 * t + GcSteps(t), 30, false),
        ("a leak of 0.6 MB/min, no steps", t => 200 + 0.6 * t, 30, false),
        ("a floor that jumps by 25 MB and stays", t => t < 20 ? 200 : 225, 30, false),
        ("two windows only", t => 200, 11, false),
    ];

    /// <summary>The names of the cases judged wrongly; empty when all is well.</summary>
    public static List<string> Failures()
    {
        var failures = new List<string>();
        foreach (var (name, mb, minutes, flat) in Cases)
        {
            var samples = Enumerable.Range(0, (int)(minutes * 6) + 1)
                .Select(i => (TimeSpan.FromSeconds(10 * i), (long)(mb(i / 6.0) * 1048576))).ToArray();
            var trend = MemoryTrend.From(samples, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(3));
            if (trend.Flat(0.5, 10) != flat)
            {
                failures.Add($"memory judgement self-test '{name}': expected {(flat ? "flat" : "not flat")}, got floor slope "
                    + $"{trend.FloorSlopeMbPerMinute:0.000} MB/min, drift {trend.FloorDriftPercent:0.0} % over {trend.Floors.Count} floors");
            }
        }
        return failures;
    }

    /// <summary>The GC committing two 10 MB regions a minute apart, every 4 minutes, then giving both back.</summary>
    private static double GcSteps(double minute) => (minute % 4) switch
    {
        < 1 => 0,
        < 2 => 10,
        < 3.5 => 20,
        _ => 0,
    };
}
