namespace AkkaMcpEcho.Benchmarks.LoadGen.Traffic;

/// <summary>
/// The traffic-memory run's block of RESULTS.md, between its two markers; the matrix report carries it over when it
/// rewrites the file. Placed before the soak's block, so that each run rewrites lines the other does not touch.
/// </summary>
public static class TrafficSection
{
    public const string Begin = "<!-- traffic:begin -->";
    public const string End = "<!-- traffic:end -->";

    /// <summary>The block in <paramref name="text"/>, markers included; null when there is none.</summary>
    public static string? Find(string? text)
    {
        var begin = text?.IndexOf(Begin, StringComparison.Ordinal) ?? -1;
        var end = begin < 0 ? -1 : text!.IndexOf(End, begin, StringComparison.Ordinal);
        return end < 0 ? null : text![begin..(end + End.Length)];
    }

    /// <summary><paramref name="text"/> with the block's content replaced by <paramref name="content"/>; when there is no
    /// block yet, it goes just before the soak's block, or at the end.</summary>
    public static string Put(string? text, string content)
    {
        var block = $"{Begin}\n{content.TrimEnd('\n')}\n{End}";
        if (Find(text) is { } old)
        {
            return text!.Replace(old, block, StringComparison.Ordinal);
        }
        var soak = text?.IndexOf(Soak.SoakSection.Begin, StringComparison.Ordinal) ?? -1;
        if (soak >= 0)
        {
            return $"{text![..soak]}{block}\n\n{text[soak..]}";
        }
        var before = (text ?? "").TrimEnd('\n');
        return before.Length == 0 ? block + "\n" : $"{before}\n\n{block}\n";
    }
}
