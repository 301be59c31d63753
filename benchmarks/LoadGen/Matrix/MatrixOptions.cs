namespace AkkaMcpEcho.Benchmarks.LoadGen.Matrix;

public sealed record MatrixOptions(
    string ServerDll, string PeerDll, string BareDll, string OutFile, TimeSpan Duration, TimeSpan Warmup, int ChurnSessions, int ChurnRounds,
    int[] IdleSteps, TimeSpan IdleBudget, int FanOutStreams, string Command, string Commit, IReadOnlySet<string> Phases,
    IReadOnlyDictionary<string, string> ServerEnvironment)
{
    public static readonly int[] ThroughputSessions = [16, 64];
    public static readonly string[] AllPhases = ["throughput", "churn", "fanout", "cluster", "idle"];
    public const int ClusterNodes = 3;
    public const int ClusterSessions = 64;
    /// <summary>Sessions of the throughput runs with a feature off (<see cref="FeatureSwitch"/>), against the defaults.</summary>
    public const int SwitchSessions = 64;
    /// <summary>The largest idle step the SDK peer is given (its sessions take about 13 KB each).</summary>
    public const int PeerIdleMax = 100_000;

    /// <summary>The idle run's setting for dormancy: sessions quiet this long stop their actor (the default is 60 s).</summary>
    public const int IdleDormantAfterSeconds = 10;

    /// <summary>How long idle sessions stay untouched after each step before RSS is read: past the dormancy above.</summary>
    public static readonly TimeSpan IdleQuiet = TimeSpan.FromSeconds(IdleDormantAfterSeconds + 5);

    public static IReadOnlyDictionary<string, string> IdleEnvironment(IReadOnlyDictionary<string, string> environment) =>
        new Dictionary<string, string>(environment) { ["MCP_SESSION_DORMANT_AFTER"] = IdleDormantAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    public bool Runs(string phase) => Phases.Contains(phase);

    public static MatrixOptions From(Cli cli) => new(
        cli.Required("server"), cli.Required("peer"), cli.Required("bare"), cli.Required("out"),
        cli.Seconds("duration", 10), cli.Seconds("warmup", 8), cli.Number("churn", 2000), cli.Number("churn-rounds", 5),
        cli.Numbers("idle", [10_000, 100_000, 1_000_000]), cli.Seconds("idle-budget", 300), cli.Number("fanout", 64),
        cli.Text("command") ?? "LoadGen " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
        cli.Text("commit") ?? "unknown",
        (cli.Text("phases")?.Split(',', StringSplitOptions.TrimEntries) ?? AllPhases).ToHashSet(),
        (cli.Text("server-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""));
}
