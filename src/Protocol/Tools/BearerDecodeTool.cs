using System.Text;
using AkkaMcpEcho.Protocol.Auth;

namespace AkkaMcpEcho.Protocol.Tools;

public static class BearerDecodeTool
{
    public static readonly ToolDefinition Definition = new(
        "bearerDecode",
        "Decode JWT Bearer token from Authorization header (no signature verification)",
        [
            new ToolArgument("token", ArgumentType.String, "JWT token to decode (uses Authorization header if not provided)"),
            new ToolArgument("includeRaw", ArgumentType.Boolean, "Include raw token parts"),
        ],
        Run);

    public static ToolResult Run(ToolContext context)
    {
        string token;
        var verdict = context.String("token") is null ? context.Request.Verdict : null;
        if (context.String("token") is { } given)
        {
            if (given.Length > JwtReader.MaxTokenLength)
            {
                return ToolResult.Invalid(
                    $"Argument 'token' of tool 'bearerDecode' is {given.Length} characters long; at most {JwtReader.MaxTokenLength} are accepted.",
                    context.Session);
            }
            token = given;
        }
        else if (BearerToken.From(context.Request) is { } fromHeader)
        {
            token = fromHeader;
        }
        else
        {
            var problem = context.Request.Header("Authorization") is { } other
                ? $"the Authorization header is not a Bearer token (scheme: {ReportText.OneLine(BearerToken.Scheme(other))})"
                : "no token given: pass the 'token' argument or send an Authorization: Bearer header";
            return ToolResult.Error($"❌ Cannot decode JWT: {problem}.", context.Session);
        }

        if (JwtReader.Read(token, out var malformed) is not { } jwt)
        {
            return ToolResult.Error($"❌ Malformed JWT: {malformed}.", context.Session);
        }
        var now = context.Now.UtcDateTime;
        var text = new StringBuilder("🔍 JWT Token Analysis\n\n")
            .Append("Header:\n").Append(ReportText.Json(jwt.Header)).Append("\n\n")
            .Append("Payload:\n").Append(ReportText.Json(jwt.Payload)).Append("\n\n")
            .Append("⏱️ Token Status:\n")
            .Append($"- Issued: {Time(jwt.IssuedAt)}\n");
        if (jwt.NotBefore is { } notBefore)
        {
            text.Append($"- Not Before: {Time(notBefore)}\n");
        }
        text.Append($"- Expires: {Time(jwt.Expires)}\n")
            .Append($"- Status: {Status(jwt, now)}\n")
            .Append($"- Signature: {Signature(jwt, verdict?.SignatureVerified)}");
        if (context.Flag("includeRaw"))
        {
            text.Append("\n\n🧾 Raw Parts:\n")
                .Append($"- Header: {Raw(jwt.EncodedHeader)}\n")
                .Append($"- Payload: {Raw(jwt.EncodedPayload)}\n")
                .Append($"- Signature: {SecretMasker.Prefix(jwt.EncodedSignature, 8)} ({jwt.EncodedSignature.Length} characters)");
        }
        if (verdict is not null)
        {
            text.Append("\n\n").Append(VerdictReport.Text(verdict, context.Server.Scopes,
                ToolCatalog.Listed(context.Server.FaultTool).Select(tool => tool.Name), context.Now));
        }
        return ToolResult.Ok(text.ToString(), context.Session);
    }

    private static string Signature(DecodedJwt jwt, bool? verified) =>
        jwt.EncodedSignature.Length == 0 ? "missing (unsecured JWT)"
        : verified is true ? "present (verified by this server)"
        : verified is false ? "present (NOT verified by this server: see the verdict below)"
        : "present (not verified)";

    /// <summary>EXPIRED wins over NOT YET VALID: a token past its expiry can never become valid.</summary>
    public static string Status(DecodedJwt jwt, DateTime now) =>
        jwt.Expires is { } expires && expires <= now ? "EXPIRED"
        : jwt.NotBefore is { } notBefore && notBefore > now ? "NOT YET VALID"
        : jwt.Expires is null ? "NO EXPIRY"
        : "VALID";

    private static string Time(DateTime? time) => time is { } t ? TextFormat.Utc(t.Ticks) : "not present";

    private static string Raw(string segment) => segment.Length > 50 ? segment[..50] + "..." : segment;
}
