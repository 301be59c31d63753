namespace AkkaMcpEcho.Benchmarks.LoadGen.Soak;

/// <summary>The soak's block of RESULTS.md, between its two markers; the matrix report carries it over when it rewrites the file.</summary>
public static class SoakSection
{
    public const string Begin = "<!-- soak:begin -->";
    public const string End = "<!-- soak:end -->";

    /// <summary>The block in <paramref name="text"/>, markers included; null when there is none.</summary>
    public static string? Find(string? text)
    {
        var begin = text?.IndexOf(Begin, StringComparison.Ordinal) ?? -1;
        var end = begin < 0 ? -1 : text!.IndexOf(End, begin, StringComparison.Ordinal);
        return end < 0 ? null : text![begin..(end + End.Length)];
    }

    /// <summary><paramref name="text"/> with the block's content replaced by <paramref name="content"/>, or the block
    /// appended at the end when there is none.</summary>
    public static string Put(string? text, string content)
    {
        var block = $"{Begin}\n{content.TrimEnd('\n')}\n{End}";
        if (Find(text) is { } old)
        {
            return text!.Replace(old, block, StringComparison.Ordinal);
        }
        var before = (text ?? "").TrimEnd('\n');
        return before.Length == 0 ? block + "\n" : $"{before}\n\n{block}\n";
    }
}
