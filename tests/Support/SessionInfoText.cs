namespace AkkaMcpEcho.Tests.Support;

/// <summary>Reads the "- Name: value" lines of the sessionInfo tool's text.</summary>
public static class SessionInfoText
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        Assert.StartsWith("📊 Session Information", text);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (line.StartsWith("- ", StringComparison.Ordinal) && colon > 2)
            {
                fields[line[2..colon]] = line[(colon + 2)..];
            }
        }
        return fields;
    }
}
