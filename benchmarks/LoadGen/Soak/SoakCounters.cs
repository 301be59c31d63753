namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>What the soak counts on the client side.</summary>
public enum SoakCount
{
    Created,
    EchoCalls,
    Deleted,
    Abandoned,
    LeftByError,
    StreamsOpened,
    StreamsAcrossNodes,
    StreamEvents,
    StreamsEndedByDelete,
    StreamsEndedByExpiry,
    StreamsClosedByClient,
    StreamsUnwatched,
    DeletedProbed,
    ExpiredProbed,
}

/// <summary>Thread-safe counts, one per <see cref="SoakCount"/>.</summary>
public sealed class SoakCounters
{
    private readonly long[] _values = new long[Enum.GetValues<SoakCount>().Length];

    public long this[SoakCount count] => Interlocked.Read(ref _values[(int)count]);

    public void Add(SoakCount count, long amount = 1) => Interlocked.Add(ref _values[(int)count], amount);
}
