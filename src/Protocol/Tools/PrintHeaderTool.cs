using System.Text;
using AkkaMcpEcho.Messages;

namespace AkkaMcpEcho.Protocol.Tools;

public static class PrintHeaderTool
{
    public static readonly ToolDefinition Definition = new(
        "printHeader",
        "Print all HTTP headers from the current request",
        [new ToolArgument("category", ArgumentType.String, "Filter by category (auth, standard, mcp, custom)")],
        Run);

    private static readonly (HeaderCategory Category, string Title)[] Sections =
    [
        (HeaderCategory.Auth, "🔐 Authentication Headers:"),
        (HeaderCategory.Standard, "🌐 Standard Headers:"),
        (HeaderCategory.Mcp, "🔄 MCP Headers:"),
        (HeaderCategory.Custom, "🏷️ Custom Headers:"),
    ];

    public static ToolResult Run(ToolContext context)
    {
        HeaderCategory? filter = null;
        if (context.String("category") is { } requested)
        {
            if (!HeaderCategories.TryParse(requested, out var parsed))
            {
                return ToolResult.Invalid(
                    $"Argument 'category' of tool 'printHeader' must be one of auth, standard, mcp, custom; got '{ReportText.OneLine(requested[..Math.Min(requested.Length, 40)])}'.",
                    context.Session);
            }
            filter = parsed;
        }

        var headers = context.Request.Headers
            .OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .Select(h => (Header: h, Category: HeaderCategories.Of(h.Name)))
            .ToArray();
        var text = new StringBuilder("📋 HTTP Headers Analysis\n");
        if (filter is { } only)
        {
            text.Append($"Category filter: {only.ToString().ToLowerInvariant()}\n");
        }
        foreach (var (category, title) in Sections)
        {
            if (filter is not null && filter != category)
            {
                continue;
            }
            text.Append('\n').Append(title).Append('\n');
            var lines = headers.Where(h => h.Category == category).Select(h => Line(h.Header)).ToArray();
            text.Append(lines.Length == 0 ? "(none)\n" : string.Concat(lines));
        }
        text.Append("\n📊 Header Statistics:\n")
            .Append($"Total headers: {headers.Length}\n")
            .Append($"Auth headers: {Count(headers, HeaderCategory.Auth)}\n")
            .Append($"Standard headers: {Count(headers, HeaderCategory.Standard)}\n")
            .Append($"MCP headers: {Count(headers, HeaderCategory.Mcp)}\n")
            .Append($"Custom headers: {Count(headers, HeaderCategory.Custom)}")
            .Append(TraceReport.Section(context.Request));
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    private static string Line(HeaderField header) =>
        $"{header.Name}: {ReportText.OneLine(HeaderCategories.Display(header.Name, header.Value))}\n";

    private static int Count((HeaderField Header, HeaderCategory Category)[] headers, HeaderCategory category) =>
        headers.Count(h => h.Category == category);
}
