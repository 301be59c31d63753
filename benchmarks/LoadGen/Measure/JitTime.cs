using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Measure;

/// <summary>
/// Seconds the JIT has spent compiling in AkkaMcpEcho processes, summed, from each one's Prometheus scrape
/// (<c>dotnet_jit_compilation_time_seconds_total</c>, the runtime's own meter): how far tiered compilation still is from
/// settled while a run is timed.
/// </summary>
public static class JitTime
{
    private const string Counter = "dotnet_jit_compilation_time_seconds_total";

    public static async Task<double> Read(IReadOnlyList<Target> nodes, CancellationToken cancel)
    {
        var total = 0.0;
        foreach (var node in nodes)
        {
            using var http = new RawHttpConnection(node.Endpoint);
            var answer = await http.Send("GET", "/metrics", [], default, cancel);
            total += answer.Status == 200 ? Parse(Encoding.UTF8.GetString(answer.Body.Span))
                : throw new InvalidOperationException($"{node.Name}: /metrics answered {answer.Status}");
        }
        return total;
    }

    private static double Parse(string scrape)
    {
        foreach (var line in scrape.Split('\n'))
        {
            if (line.StartsWith(Counter, StringComparison.Ordinal))
            {
                return double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"no {Counter} in /metrics");
    }
}
