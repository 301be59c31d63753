using System.Globalization;
using AkkaMcpEcho.Benchmarks.AllocationProfile;
using AkkaMcpEcho.Http;

// The server in this process, with its allocations sampled by type over a window while load runs from outside.
// Usage: AllocationProfile --wait <s> --window <s> [server settings, e.g. --MCP_ECHO_PORT=39700]
// After --wait seconds (warm-up), samples for --window seconds, prints bytes per request and the top types, and exits.
var wait = TimeSpan.FromSeconds(Option("--wait", 15));
var window = TimeSpan.FromSeconds(Option("--window", 10));
using var sampler = new AllocationSampler();
await using var server = EchoServer.Build([.. args.Where(arg => !arg.StartsWith("--wait", StringComparison.Ordinal)
    && !arg.StartsWith("--window", StringComparison.Ordinal))]);
await server.StartAsync();
await Task.Delay(wait);
sampler.Start();
await Task.Delay(window);
sampler.Stop();
var types = sampler.ByType();
var total = types.Sum(t => t.Bytes);
var requests = Math.Max(1, sampler.Requests);
Console.WriteLine(FormattableString.Invariant($"{sampler.Requests} requests in {window.TotalSeconds:0} s; {total / 1048576.0:0.0} MB sampled; {total / (double)requests / 1024:0.00} KB allocated per request"));
foreach (var (type, bytes) in types.Take(30))
{
    Console.WriteLine(FormattableString.Invariant($"{bytes / (double)requests,9:0} B/request  {type}"));
}
await server.StopAsync();

int Option(string name, int fallback) =>
    args.FirstOrDefault(arg => arg.StartsWith(name + "=", StringComparison.Ordinal)) is { } given
        ? int.Parse(given[(name.Length + 1)..], CultureInfo.InvariantCulture)
        : fallback;
