using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Actors.Tests.Traffic;

/// <summary>Exchange records for the traffic specs: one per sequence number, of a chosen size.</summary>
internal static class TrafficRecords
{
    /// <summary>What a record without headers, bodies or events occupies (<see cref="ExchangeRecord.Size"/>).</summary>
    public const long EmptySize = 512;

    /// <summary>
    /// An answered tools/call of <paramref name="session"/> with a request body of <paramref name="bodyChars"/>
    /// ASCII characters, so its <see cref="ExchangeRecord.Size"/> is <see cref="EmptySize"/> + <paramref name="bodyChars"/>
    /// (a body counts its UTF-8 bytes).
    /// </summary>
    public static ExchangeRecord Record(long sequence, int bodyChars = 0, string? session = null, string method = "tools/call") =>
        new("127.0.0.1:3000", sequence, StartedUtcTicks: 639_000_000_000_000_000 + sequence, DurationMs: 1.5, "legacy",
            "2025-06-18", session, session is null ? null : "session", method, sequence.ToString(), "echo", "POST", "/mcp",
            200, "answered", [], [],
            bodyChars == 0 ? null : new RecordedText(new string('x', bodyChars), bodyChars, false),
            null, [], 0, null);

    /// <summary>A record whose <see cref="ExchangeRecord.Size"/> is exactly <paramref name="size"/> (at least <see cref="EmptySize"/>).</summary>
    public static ExchangeRecord Sized(long sequence, long size) => Record(sequence, (int)(size - EmptySize));

    public static long[] Sequences(IEnumerable<ExchangeRecord> records) => [.. records.Select(r => r.Sequence)];
}
