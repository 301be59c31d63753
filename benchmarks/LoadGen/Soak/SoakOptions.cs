namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>
/// What the soak runs and how it judges memory. "Flat" on a node: after the warm-up (see <see cref="WarmUp"/>), the
/// samples are cut into windows of <see cref="FloorWindow"/>; the least-squares slope of the windows' minima (the floor)
/// is at most <see cref="MaxSlopeMbPerMinute"/>, and the last window's minimum is at most <see cref="MaxDriftPercent"/>
/// above the first's (<see cref="Measure.MemoryTrend"/>).
/// </summary>
public sealed record SoakOptions(
    string ServerDll, string OutFile, TimeSpan SingleDuration, TimeSpan ClusterDuration, TimeSpan SessionTimeout, int Workers,
    TimeSpan SampleInterval, double MaxSlopeMbPerMinute, double MaxDriftPercent, string Command, string Commit, TimeSpan? FixedWarmUp,
    TimeSpan FloorWindow)
{
    public const int ClusterNodes = 3;

    /// <summary>The shortest default warm-up: three processes on shared cores are still tiering up, and the GC has not
    /// reached its steady size, well after a sixth of a 15-minute phase (benchmarks/SOAK-MEMORY.md).</summary>
    public static readonly TimeSpan MinWarmUp = TimeSpan.FromMinutes(5);

    /// <summary>A session abandoned this long ago has surely expired (the session timeout plus a margin).</summary>
    public TimeSpan ExpiredAfter => SessionTimeout + TimeSpan.FromSeconds(10);

    /// <summary><c>--warmup-minutes</c> when given (and shorter than the phase), else the first sixth of the phase but at
    /// least <see cref="MinWarmUp"/>, and at most half the phase (so a short trial still judges something).</summary>
    public TimeSpan WarmUp(TimeSpan duration) => FixedWarmUp is { } fixedWarmUp
        ? fixedWarmUp < duration ? fixedWarmUp : duration / 6
        : TimeSpan.FromTicks(Math.Min(Math.Max((duration / 6).Ticks, MinWarmUp.Ticks), (duration / 2).Ticks));

    public string WarmUpText => FixedWarmUp is { } fixedWarmUp
        ? $"the first {fixedWarmUp.TotalMinutes:0.#} minutes of each phase"
        : $"the first sixth of each phase, but at least {MinWarmUp.TotalMinutes:0} minutes (at most half the phase)";

    public IReadOnlyDictionary<string, string> ServerEnvironment =>
        new Dictionary<string, string> { ["MCP_SESSION_TIMEOUT"] = $"{SessionTimeout.TotalSeconds:0}" };

    public static SoakOptions From(Cli cli) => new(
        cli.Required("server"), cli.Text("out") ?? "benchmarks/RESULTS.md",
        TimeSpan.FromMinutes(cli.Real("minutes", 30)), TimeSpan.FromMinutes(cli.Real("cluster-minutes", 15)),
        cli.Seconds("session-timeout", 20), cli.Number("workers", 16), cli.Seconds("sample", 10),
        cli.Real("max-slope", 0.5), cli.Real("max-drift", 10), cli.Text("command") ?? "LoadGen soak", cli.Text("commit") ?? "unknown",
        cli.Text("warmup-minutes") is null ? null : TimeSpan.FromMinutes(cli.Real("warmup-minutes", 0)),
        TimeSpan.FromMinutes(cli.Real("floor-window-minutes", 3)));
}
