using System.Text.Json;
using AkkaMcpEcho.Benchmarks.LoadGen.Http;
using AkkaMcpEcho.Benchmarks.LoadGen.Runs;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// One ring as the traffic API shows it: exchanges kept, evicted, and the bytes it counts against its budget, estimated
/// from the JSON the way <c>ExchangeRecord.Size</c> counts them (the UTF-8 bytes of bodies and events, 48 more per event,
/// two bytes per character of headers and 24 characters more per header, 512 bytes per exchange).
/// </summary>
public sealed record RingState(int Kept, long Evicted, long KeptBytes, long NewestBytes, long LargestBytes, int CutBodies)
{
    /// <summary>Something was evicted, and the ring is at its count, or one more exchange like the newest would evict.</summary>
    public bool Full(int exchanges, long bytes) => Evicted > 0 && (Kept >= exchanges || KeptBytes + NewestBytes > bytes);

    /// <summary>Within its bounds; a single exchange larger than the byte budget is kept alone (the ring keeps at least one).</summary>
    public bool WithinCap(int exchanges, long bytes) => Kept <= exchanges && (KeptBytes <= bytes || Kept == 1);
}

/// <summary>Sampled sessions' rings and the node's ring, read through <c>/traffic/api</c>.</summary>
public sealed record RingReport(IReadOnlyList<RingState> Sessions, int Missing, RingState? Node, TrafficLimits Limits)
{
    public int Full => Sessions.Count(s => s.Full(Limits.SessionExchanges, Limits.SessionBytes));
    public int WithinCap => Sessions.Count(s => s.WithinCap(Limits.SessionExchanges, Limits.SessionBytes));
    public bool NodeWithinCap => Node?.WithinCap(Limits.NodeExchanges, Limits.NodeBytes) == true;
    public bool Passed => Missing == 0 && Sessions.Count > 0 && Full == Sessions.Count && WithinCap == Sessions.Count && NodeWithinCap;

    public string Summary =>
        $"{Full}/{Sessions.Count} sampled session rings full, {WithinCap} within their bounds, {Missing} missing; "
        + $"node ring {Node?.Kept} exchanges, {Node?.KeptBytes} bytes counted (bounds {Limits.NodeExchanges}, {Limits.NodeBytes})";
}

public static class RingCheck
{
    public static async Task<RingReport> Run(Target target, IReadOnlyList<string> ids, int samples, TrafficLimits limits,
        CancellationToken cancel)
    {
        // A session's ring gets its exchanges from the node's log in batches, every 100 ms.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancel);
        using var connection = new RawHttpConnection(target.Endpoint);
        var picks = Enumerable.Range(0, ids.Count == 0 ? 0 : samples).Select(i => samples == 1 ? 0 : (int)((long)i * (ids.Count - 1) / (samples - 1))).Distinct();
        var sessions = new List<RingState>();
        var missing = 0;
        foreach (var index in picks)
        {
            if (await Read(connection, $"/traffic/api/sessions/{ids[index]}", cancel, sessionView: true) is { } ring)
            {
                sessions.Add(ring);
            }
            else
            {
                missing++;
            }
        }
        var node = await Read(connection, "/traffic/api/exchanges?limit=100000", cancel);
        return new RingReport(sessions, missing, node, limits);
    }

    /// <param name="sessionView">A session's view: its lifecycle exchanges come from the node's ring, not from the session's.</param>
    private static async Task<RingState?> Read(RawHttpConnection connection, string path, CancellationToken cancel, bool sessionView = false)
    {
        var answer = await connection.Send("GET", path, [], default, cancel);
        if (answer.Status != 200)
        {
            return null;
        }
        using var json = JsonDocument.Parse(answer.Body);
        var exchanges = json.RootElement.GetProperty("exchanges").EnumerateArray()
            .Where(e => !sessionView || e.GetProperty("method").GetString() is not ("initialize" or "notifications/initialized")).ToArray();
        var sizes = exchanges.Select(Size).ToArray();
        var cut = exchanges.Count(e => Truncated(e, "requestBody") || Truncated(e, "responseBody"));
        return new RingState(exchanges.Length, json.RootElement.GetProperty("evicted").GetInt64(), sizes.Sum(),
            sizes.LastOrDefault(), sizes.DefaultIfEmpty().Max(), cut);
    }

    private static long Size(JsonElement exchange)
    {
        static long Utf8(JsonElement text) => System.Text.Encoding.UTF8.GetByteCount(text.GetString()!);
        long Body(string name) =>
            exchange.TryGetProperty(name, out var body) && body.ValueKind == JsonValueKind.Object ? Utf8(body.GetProperty("text")) : 0;
        long Headers(string name) =>
            exchange.GetProperty(name).EnumerateArray().Sum(h => h[0].GetString()!.Length + h[1].GetString()!.Length + 24L);
        var events = exchange.GetProperty("events").EnumerateArray().Sum(e => Utf8(e.GetProperty("text")) + 48L);
        return Body("requestBody") + Body("responseBody") + events + 2 * (Headers("requestHeaders") + Headers("responseHeaders")) + 512;
    }

    private static bool Truncated(JsonElement exchange, string name) =>
        exchange.GetProperty(name) is { ValueKind: JsonValueKind.Object } body && body.GetProperty("truncated").GetBoolean();
}
