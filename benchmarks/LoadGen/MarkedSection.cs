namespace AkkaMcpEcho.Benchmarks.LoadGen;

/// <summary>
/// A run's own block of RESULTS.md, between its two markers: the run rewrites only its block, and the matrix report
/// carries the blocks over when it rewrites the file. A new block goes before <paramref name="placedBefore"/>'s, or at the end.
/// </summary>
public sealed class MarkedSection(string name, MarkedSection? placedBefore = null)
{
    public static readonly MarkedSection Soak = new("soak");

    /// <summary>Before the soak's block, so each run rewrites lines the other does not touch.</summary>
    public static readonly MarkedSection Traffic = new("traffic", Soak);

    public string Begin => $"<!-- {name}:begin -->";

    public string End => $"<!-- {name}:end -->";

    /// <summary>The block in <paramref name="text"/>, markers included; null when there is none.</summary>
    public string? Find(string? text)
    {
        var begin = text?.IndexOf(Begin, StringComparison.Ordinal) ?? -1;
        var end = begin < 0 ? -1 : text!.IndexOf(End, begin, StringComparison.Ordinal);
        return end < 0 ? null : text![begin..(end + End.Length)];
    }

    /// <summary><paramref name="text"/> with the block's content replaced by <paramref name="content"/>, or the block added.</summary>
    public string Put(string? text, string content)
    {
        var block = $"{Begin}\n{content.TrimEnd('\n')}\n{End}";
        if (Find(text) is { } old)
        {
            return text!.Replace(old, block, StringComparison.Ordinal);
        }
        var next = placedBefore is null ? -1 : text?.IndexOf(placedBefore.Begin, StringComparison.Ordinal) ?? -1;
        if (next >= 0)
        {
            return $"{text![..next]}{block}\n\n{text[next..]}";
        }
        var before = (text ?? "").TrimEnd('\n');
        return before.Length == 0 ? block + "\n" : $"{before}\n\n{block}\n";
    }
}
