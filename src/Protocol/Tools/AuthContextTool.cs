using System.Text;
using System.Text.Json;
using AkkaMcpEcho.Protocol.Auth;

namespace AkkaMcpEcho.Protocol.Tools;

public static class AuthContextTool
{
    public static readonly ToolDefinition Definition = new(
        "authContext",
        "Display complete authentication context from request",
        [],
        Run);

    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id", "traceparent"];

    public static ToolResult Run(ToolContext context)
    {
        var request = context.Request;
        var authorization = request.Header("Authorization");
        var credentials = authorization is null ? "" : BearerToken.Credentials(authorization);
        var claims = BearerToken.From(request) is { } bearer && JwtReader.Read(bearer, out _) is { } jwt ? jwt.Payload : (JsonElement?)null;

        var userId = Header(context, "X-User-Id") ?? Claim(claims, "sub");
        var userName = Header(context, "X-User-Name") ?? Claim(claims, "preferred_username") ?? Claim(claims, "username") ?? Claim(claims, "name");
        var gitHubUser = Header(context, "X-GitHub-User") ?? Header(context, "X-User-Login") ?? Header(context, "X-User-Name");
        var requestId = RequestIdHeaders.Select(name => Header(context, name)).FirstOrDefault(v => v is not null);

        var text = new StringBuilder("🔐 Authentication Context\n\n")
            .Append("👤 User Information:\n")
            .Append($"- User ID: {userId ?? "not provided"}\n")
            .Append($"- Username: {userName ?? "not provided"}\n")
            .Append($"- GitHub User: {gitHubUser ?? "not provided"}\n\n")
            .Append("🎫 Token Details:\n");
        if (authorization is null)
        {
            text.Append("- Token Type: none (no Authorization header)\n");
        }
        else
        {
            text.Append($"- Token Type: {BearerToken.Scheme(authorization)}\n")
                .Append($"- Token Length: {credentials.Length} characters\n")
                .Append($"- Token Preview: {(credentials.Length == 0 ? "(empty)" : SecretMasker.Ends(credentials, 6))}\n")
                .Append($"- Token Format: {Format(claims is not null, request.Verdict?.SignatureVerified)}\n");
        }
        text.Append("\n🔑 Derived Information:\n")
            .Append($"- Authentication: {Authentication(userId is not null && Header(context, "X-User-Id") is not null, credentials.Length > 0)}\n")
            .Append($"- Session: {context.Session.SessionId}\n")
            .Append($"- Request ID: {requestId ?? "not provided"}");
        if (request.Verdict is { } verdict)
        {
            text.Append("\n\n").Append(VerdictReport.Text(verdict, context.Server.Scopes,
                ToolCatalog.Listed(context.Server.FaultTool).Select(tool => tool.Name), context.Now));
        }
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    private static string Format(bool jwt, bool? verified) => (jwt, verified) switch
    {
        (false, _) => "opaque (not a decodable JWT)",
        (true, true) => "JWT (signature verified by this server)",
        (true, false) => "JWT (signature NOT verified: see the verdict below)",
        _ => "JWT (signature not verified)",
    };

    private static string Authentication(bool gateway, bool credentials) =>
        gateway ? "✅ Authenticated (gateway X-User-* headers)"
        : credentials ? "✅ Authenticated (credentials present, not verified by this server)"
        : "❌ Not authenticated";

    private static string? Header(ToolContext context, string name) =>
        context.Request.Header(name) is { Length: > 0 } value ? ReportText.OneLine(value) : null;

    private static string? Claim(JsonElement? payload, string name) =>
        payload is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? ReportText.OneLine(text)
            : null;
}
