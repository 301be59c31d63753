namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>The recording's bounds, as the server is started with them (the server's defaults unless given).</summary>
public sealed record TrafficLimits(int SessionExchanges, long SessionBytes, int NodeExchanges, long NodeBytes, int BodyBytes)
{
    public static readonly TrafficLimits Defaults = new(50, 65_536, 2_000, 16L << 20, 16_384);

    public IEnumerable<string> Arguments() =>
    [
        $"--MCP_TRAFFIC_SESSION_EXCHANGES={SessionExchanges}", $"--MCP_TRAFFIC_SESSION_BYTES={SessionBytes}",
        $"--MCP_TRAFFIC_EXCHANGES={NodeExchanges}", $"--MCP_TRAFFIC_BYTES={NodeBytes}", $"--MCP_TRAFFIC_BODY_BYTES={BodyBytes}",
    ];
}

public sealed record TrafficOptions(
    string ServerDll, string OutFile, int Sessions, int Calls, int MoreCalls, int MoreSteps, int[] MessageBytes, int Connections,
    int Samples, double MaxGrowthPercent, TrafficLimits Limits, string Command, string Commit, IReadOnlyDictionary<string, string> ServerEnvironment)
{
    /// <summary>Large messages, one above the default body cap (16,384 bytes) so that the cut is recorded too.</summary>
    public static readonly int[] DefaultMessageBytes = [8_000, 12_000, 17_000, 16_000];

    public static TrafficOptions From(Cli cli)
    {
        var d = TrafficLimits.Defaults;
        var options = new TrafficOptions(
            cli.Required("server"), cli.Required("out"), cli.Number("sessions", 10_000), cli.Number("calls", 8), cli.Number("more-calls", 6),
            cli.Number("more-steps", 2),
            cli.Numbers("message-bytes", DefaultMessageBytes), cli.Number("connections", 32), cli.Number("samples", 20),
            cli.Real("max-growth", 10),
            new TrafficLimits(cli.Number("session-exchanges", d.SessionExchanges), cli.Number("session-bytes", (int)d.SessionBytes),
                cli.Number("node-exchanges", d.NodeExchanges), cli.Number("node-bytes", (int)d.NodeBytes), cli.Number("body-bytes", d.BodyBytes)),
            cli.Text("command") ?? "LoadGen " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)), cli.Text("commit") ?? "unknown",
            (cli.Text("server-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""));
        if (options.Sessions < 1 || options.Calls < 1 || options.MoreCalls < 1 || options.MoreSteps < 1 || options.MessageBytes.Length == 0
            || options.MessageBytes.Any(b => b < 1) || options.Connections < 1 || options.Samples < 1)
        {
            throw new ArgumentException(
                "--sessions, --calls, --more-calls, --more-steps, --message-bytes, --connections and --samples must be positive");
        }
        return options;
    }

    /// <summary>How long the whole mode may take before it is cancelled.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);
}
