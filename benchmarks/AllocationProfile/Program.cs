using System.Globalization;
using System.Text;
using AkkaMcpEcho.Benchmarks.AllocationProfile;
using AkkaMcpEcho.Http;

// The server in this process, with its allocations sampled by type over a window while load runs from outside.
// Usage: AllocationProfile --wait <s> --window <s> [server settings, e.g. --MCP_ECHO_PORT=39700]
//          After --wait seconds (warm-up), samples for --window seconds, prints bytes per request and the top types, and exits.
//        AllocationProfile --churn [server settings]
//          Per session: the window opens at POST /allocations/start and closes at POST /allocations/stop, which answers
//          the report (printed too) before the process exits; each DELETE in the window counts one session, so the load
//          between them should create, initialize and delete whole sessions (LoadGen churn).
var churn = args.Contains("--churn");
var wait = TimeSpan.FromSeconds(Option("--wait", 15));
var window = TimeSpan.FromSeconds(Option("--window", 10));
using var sampler = new AllocationSampler();
await using var server = EchoServer.Build([.. args.Where(arg => !arg.StartsWith("--wait", StringComparison.Ordinal)
    && !arg.StartsWith("--window", StringComparison.Ordinal) && arg != "--churn")]);
var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
if (churn)
{
    server.MapPost("/allocations/start", () => sampler.Start());
    server.MapPost("/allocations/stop", () =>
    {
        sampler.Stop();
        stopped.TrySetResult();
        return Report("session", sampler.Deletes, "s");
    });
}
await server.StartAsync();
if (churn)
{
    await stopped.Task;
    await Task.Delay(200);
}
else
{
    await Task.Delay(wait);
    sampler.Start();
    await Task.Delay(window);
    sampler.Stop();
    Report("request", sampler.Requests, FormattableString.Invariant($" in {window.TotalSeconds:0} s"));
}
await server.StopAsync();

string Report(string unit, long count, string suffix)
{
    var types = sampler.ByType();
    var sampled = types.Sum(t => t.Bytes);
    var units = Math.Max(1, count);
    var text = new StringBuilder(FormattableString.Invariant(
        $"{count} {unit}{suffix} ({sampler.Requests} requests); {sampler.Allocated / 1048576.0:0.0} MB allocated, {sampled / 1048576.0:0.0} MB sampled; "));
    text.Append(FormattableString.Invariant(
        $"{sampler.Allocated / (double)units / 1024:0.00} KB allocated per {unit} (sampled: {sampled / (double)units / 1024:0.00})\n"));
    foreach (var (type, bytes) in types.Take(50))
    {
        text.Append(FormattableString.Invariant($"{bytes / (double)units,9:0} B/{unit}  {type}\n"));
    }
    Console.Write(text);
    return text.ToString();
}

int Option(string name, int fallback) =>
    args.FirstOrDefault(arg => arg.StartsWith(name + "=", StringComparison.Ordinal)) is { } given
        ? int.Parse(given[(name.Length + 1)..], CultureInfo.InvariantCulture)
        : fallback;
