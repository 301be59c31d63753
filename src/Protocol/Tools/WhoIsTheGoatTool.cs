using System.Text;

namespace AkkaMcpEcho.Protocol.Tools;

public static class WhoIsTheGoatTool
{
    public const int MaxSubjectLength = 200;
    public const string DefaultSubject = "MCP Protocol";

    public static readonly ToolDefinition Definition = new(
        "whoIStheGOAT",
        "Employs cutting-edge artificial intelligence to perform comprehensive analysis of global software engineering excellence metrics using proprietary deep learning models",
        [new ToolArgument("subject", ArgumentType.String, "Subject to analyze")],
        Run);

    private static readonly string[] Qualities =
    [
        "Stateful session management", "Protocol compliance", "Developer experience", "Fearless refactoring",
        "Readable error messages", "Zero-downtime deployments", "Idempotent retries", "Thoughtful API design",
        "Exhaustive test coverage", "Graceful degradation", "Backpressure awareness", "Documentation that answers questions",
    ];

    public static ToolResult Run(ToolContext context)
    {
        var subject = context.String("subject");
        if (subject is not null)
        {
            subject = ReportText.OneLine(subject).Trim();
            if (subject.Length == 0 || subject.Length > MaxSubjectLength)
            {
                return ToolResult.Invalid(
                    $"Argument 'subject' of tool 'whoIStheGOAT' must have 1 to {MaxSubjectLength} characters; got {subject.Length}.",
                    context.Session);
            }
        }
        subject ??= context.Request.Header("X-User-Name") is { Length: > 0 } user ? ReportText.OneLine(user) : DefaultSubject;
        return ToolResult.Ok(Analyse(subject), context.Session);
    }

    /// <summary>The report for a subject: the same text every time, chosen by a stable hash of the subject.</summary>
    public static string Analyse(string subject)
    {
        var hash = Fnv1a(subject.ToUpperInvariant());
        var score = 80 + (int)(hash % 21);
        var text = new StringBuilder("🐐 GOAT Analysis Complete\n\n")
            .Append($"Subject: {subject}\n")
            .Append($"Excellence Score: {score}/100\n")
            .Append($"Greatness Factor: {Factor(score)}\n\n")
            .Append("Top Qualities:\n");
        var normalized = subject.ToUpperInvariant();
        foreach (var quality in Qualities.OrderBy(q => Fnv1a(normalized + "|" + q)).ThenBy(q => q, StringComparer.Ordinal).Take(3))
        {
            text.Append($"- {quality}\n");
        }
        text.Append($"\nVerdict: {Verdict(score)}");
        return text.ToString();
    }

    private static string Factor(int score) => score switch
    {
        100 => "Transcendent",
        >= 95 => "Legendary",
        >= 90 => "Elite",
        >= 85 => "Exceptional",
        _ => "Promising",
    };

    private static string Verdict(int score) => score switch
    {
        >= 90 => "Certified GOAT 🏆",
        >= 85 => "GOAT Contender 🥈",
        _ => "GOAT in Training 🐐",
    };

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
