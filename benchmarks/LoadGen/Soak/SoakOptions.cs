namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>
/// What the soak runs and how it judges memory. "Flat" on a node: after the warm-up (the first sixth of the run unless
/// <c>--warmup-minutes</c> names it), the
/// least-squares slope of its RSS is at most <see cref="MaxSlopeMbPerMinute"/>, and its RSS at the end (mean of the last
/// 3 samples) is at most <see cref="MaxDriftPercent"/> above its RSS after the warm-up (mean of the first 3 samples).
/// </summary>
public sealed record SoakOptions(
    string ServerDll, string OutFile, TimeSpan SingleDuration, TimeSpan ClusterDuration, TimeSpan SessionTimeout, int Workers,
    TimeSpan SampleInterval, double MaxSlopeMbPerMinute, double MaxDriftPercent, string Command, string Commit, TimeSpan? FixedWarmUp)
{
    public const int ClusterNodes = 3;

    /// <summary>A session abandoned this long ago has surely expired (the session timeout plus a margin).</summary>
    public TimeSpan ExpiredAfter => SessionTimeout + TimeSpan.FromSeconds(10);

    public TimeSpan WarmUp(TimeSpan duration) => FixedWarmUp is { } fixedWarmUp && fixedWarmUp < duration ? fixedWarmUp : duration / 6;

    public string WarmUpText => FixedWarmUp is { } fixedWarmUp ? $"the first {fixedWarmUp.TotalMinutes:0.#} minutes of each phase" : "the first sixth of the run";

    public IReadOnlyDictionary<string, string> ServerEnvironment =>
        new Dictionary<string, string> { ["MCP_SESSION_TIMEOUT"] = $"{SessionTimeout.TotalSeconds:0}" };

    public static SoakOptions From(Cli cli) => new(
        cli.Required("server"), cli.Text("out") ?? "benchmarks/RESULTS.md",
        TimeSpan.FromMinutes(cli.Real("minutes", 30)), TimeSpan.FromMinutes(cli.Real("cluster-minutes", 15)),
        cli.Seconds("session-timeout", 20), cli.Number("workers", 16), cli.Seconds("sample", 10),
        cli.Real("max-slope", 0.5), cli.Real("max-drift", 10), cli.Text("command") ?? "LoadGen soak", cli.Text("commit") ?? "unknown",
        cli.Text("warmup-minutes") is null ? null : TimeSpan.FromMinutes(cli.Real("warmup-minutes", 0)));
}
