using System.Collections.Concurrent;
using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Protocol.Traffic;

/// <summary>
/// Records headers as <see cref="TrafficRedaction"/> rules, remembering what each name is: clients send the same few
/// names on every request, so a name is classified once, not once per exchange. Thread-safe.
/// </summary>
public sealed class HeaderRedactor(bool reveal)
{
    /// <summary>Names are the client's to choose: past this many, new ones are classified each time, not remembered.</summary>
    public const int MaxRemembered = 1024;

    // Each spelling once (clients repeat theirs exactly): an ordinal look-up is cheaper than one ignoring case.
    private readonly ConcurrentDictionary<string, HeaderKind> _kinds = new(StringComparer.Ordinal);
    private int _remembered;

    public HeaderField Field(string name, string value) =>
        new(name, reveal ? value : TrafficRedaction.Header(Kind(name), value));

    public HeaderKind Kind(string name)
    {
        if (_kinds.TryGetValue(name, out var kind))
        {
            return kind;
        }
        kind = TrafficRedaction.KindOf(name);
        // A place is taken before the name is added, so racing requests never remember more than the bound.
        if (Interlocked.Increment(ref _remembered) > MaxRemembered || !_kinds.TryAdd(name, kind))
        {
            Interlocked.Decrement(ref _remembered);
        }
        return kind;
    }

    /// <summary>How many names are remembered (at most <see cref="MaxRemembered"/>).</summary>
    public int Remembered => _kinds.Count;
}
