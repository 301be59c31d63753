using System.Text;

namespace AkkaMcpEcho.Protocol.Tools;

public static class CorsAnalysisTool
{
    public static readonly ToolDefinition Definition = new(
        "corsAnalysis",
        "Analyze CORS configuration and requirements",
        [],
        Run);

    public static ToolResult Run(ToolContext context)
    {
        var policy = context.Host.Configuration.Cors;
        var origin = context.Request.Header("Origin");
        var text = new StringBuilder("🌐 CORS Analysis\n\n")
            .Append("📨 Request CORS Headers:\n")
            .Append($"- Origin: {Shown(origin) ?? "not present (same-origin or non-browser client)"}\n")
            .Append($"- Access-Control-Request-Method: {Shown(context.Request.Header("Access-Control-Request-Method")) ?? "not present"}\n")
            .Append($"- Access-Control-Request-Headers: {Shown(context.Request.Header("Access-Control-Request-Headers")) ?? "not present"}\n")
            .Append($"- Origin Allowed: {OriginVerdict(policy, origin)}\n\n")
            .Append("🛡️ Server CORS Policy:\n")
            .Append($"Allowed Origins: {(policy.AnyOrigin ? "*" : policy.AllowedOrigins.IsEmpty ? "none" : string.Join(", ", policy.AllowedOrigins))}\n")
            .Append($"Allowed Methods: {string.Join(", ", CorsPolicyFacts.Methods)}\n")
            .Append($"Allowed Headers: {string.Join(", ", CorsPolicyFacts.Headers)}\n")
            .Append($"Exposed Headers: {string.Join(", ", CorsPolicyFacts.ExposedHeaders)}\n")
            .Append($"Max Age: {policy.MaxAgeSeconds}\n")
            .Append($"Credentials: {(policy.AllowCredentials ? "true" : "false")}\n")
            .Append($"Status: {Status(policy)}");
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    public static string Status(CorsPolicyFacts policy) =>
        policy.AnyOrigin ? "✅ Permissive CORS configuration (any origin)"
        : policy.Enabled ? $"✅ Restricted CORS configuration ({policy.AllowedOrigins.Length} allowed origin{(policy.AllowedOrigins.Length == 1 ? "" : "s")})"
        : "⚠️ CORS disabled: browsers get no cross-origin grant (set MCP_CORS_ALLOWED_ORIGINS)";

    private static string OriginVerdict(CorsPolicyFacts policy, string? origin) =>
        origin is null ? "n/a (no Origin header)"
        : policy.Allows(origin) ? "✅ Yes"
        : "❌ No (not in MCP_CORS_ALLOWED_ORIGINS)";

    private static string? Shown(string? value) => value is null ? null : ReportText.OneLine(value);
}
