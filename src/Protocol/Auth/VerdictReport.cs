using System.Text;
using AkkaMcpEcho.Messages.Auth;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Protocol.Auth;

/// <summary>The resource server's verdict as the authContext and bearerDecode tools show it.</summary>
public static class VerdictReport
{
    public static string Text(TokenVerdict verdict, ScopeRequirements required, IEnumerable<string> tools, DateTimeOffset now)
    {
        var text = new StringBuilder($"🛡️ Resource Server Verdict (MCP_AUTH_MODE={verdict.Mode}):\n")
            .Append($"- Result: {(verdict.Accepted ? "✅ accepted" : "❌ refused: " + verdict.Reason)}\n")
            .Append($"- Signature: {(verdict.SignatureVerified ? "✅ verified" : "❌ not verified")}\n")
            .Append($"- Issuer: {verdict.Issuer ?? "not present"}\n")
            .Append($"- Audience: {Audience(verdict)}\n")
            .Append($"- Expires: {Expiry(verdict.ExpiresUtcTicks, now)}\n")
            .Append($"- Scopes Granted: {(verdict.Scopes.IsEmpty ? "none" : string.Join(' ', verdict.Scopes))}\n")
            .Append("- Scopes Required:");
        foreach (var tool in tools)
        {
            text.Append($"\n  - {tool}: {Need(required.For("tools/call", tool), verdict)}");
        }
        foreach (var method in required.ByName.Keys.Where(name => name.Contains('/')).Order(StringComparer.Ordinal))
        {
            text.Append($"\n  - {method}: {Need(required.For(method), verdict)}");
        }
        return text.Append($"\n  - every other request: {Need(required.Default, verdict)}").ToString();
    }

    private static string Audience(TokenVerdict verdict) =>
        verdict.Audiences.IsEmpty ? $"❌ none (expected {verdict.ExpectedAudience})"
        : verdict.Audiences.Contains(verdict.ExpectedAudience, StringComparer.Ordinal)
            ? $"✅ {string.Join(' ', verdict.Audiences)}"
            : $"❌ {string.Join(' ', verdict.Audiences)} (expected {verdict.ExpectedAudience})";

    private static string Expiry(long? ticks, DateTimeOffset now) =>
        ticks is not { } expires ? "not present"
        : expires <= now.UtcTicks ? $"❌ {TextFormat.Utc(expires)} (expired)"
        : $"✅ {TextFormat.Utc(expires)} (in {TextFormat.Duration(TimeSpan.FromTicks(expires - now.UtcTicks))})";

    private static string Need(System.Collections.Immutable.ImmutableArray<string> needed, TokenVerdict verdict)
    {
        if (needed.IsEmpty)
        {
            return "no scope needed";
        }
        var missing = ScopeRequirements.Missing(needed, verdict.Scopes);
        return missing.IsEmpty
            ? $"{string.Join(' ', needed)} ✅"
            : $"{string.Join(' ', needed)} ❌ {TokenRefusal.MissingScopes(missing)}";
    }
}
