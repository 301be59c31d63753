using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>
/// The OAuth lab's faults (MCP_AUTH_MODE=lab; expire-token also with jwt): they act where tokens are issued and judged,
/// not on a JSON-RPC request, so they are armed as global rules at /faults only. expire-token stands until removed and
/// refuses every token issued until it was armed; the others act on the next requests of their kind, one each, as many
/// as the rule's count.
/// </summary>
public static class LabFaults
{
    /// <summary>The audience a token gets under wrong-audience: a reserved name (RFC 6761), never a real resource.</summary>
    public const string WrongAudience = "https://wrong-audience.invalid/mcp";

    public static bool Is(FaultEffect effect) =>
        effect is FaultEffect.ExpireToken or FaultEffect.RefuseRefresh or FaultEffect.DenyConsent or FaultEffect.WrongAudience;

    /// <summary>Whether the effect needs the built-in authorization server (all but expire-token, which the gate applies).</summary>
    public static bool NeedsLab(FaultEffect effect) => Is(effect) && effect != FaultEffect.ExpireToken;

    /// <summary>Where the fault acts, for the problems that name it.</summary>
    public static string Where(FaultEffect effect) => effect switch
    {
        FaultEffect.ExpireToken => "the resource server's token check on /mcp",
        FaultEffect.RefuseRefresh => "the next refresh_token grant at /oauth/token",
        FaultEffect.DenyConsent => "the next authorization request at /oauth/authorize",
        _ => "the next token /oauth/token issues",
    };

    /// <summary>Why a lab fault cannot be asked for where it was (a header or the injectFault tool).</summary>
    public static string OnlyGlobal(FaultEffect effect) =>
        $"{FaultVocabulary.Name(effect)} is a lab fault: it acts on {Where(effect)}, not on one request or session; "
        + $"add it as a global rule: POST /faults {{\"fault\":\"{FaultVocabulary.Name(effect)}\",\"count\":1}}";

    /// <summary>What a global lab rule may not have: a method or tool (it matches no JSON-RPC request); for expire-token, a count.</summary>
    public static string? Problem(FaultEffect effect, string? method, string? tool, long? count, long? probability) =>
        !Is(effect) ? null
        : method is not null || tool is not null
            ? $"{FaultVocabulary.Name(effect)} acts on {Where(effect)}: it takes no method or tool"
        : effect == FaultEffect.ExpireToken && (count is not null || probability is not null)
            ? "expire-token refuses every token issued until it was armed, until it is removed: it takes no count or probability"
        : null;

    /// <summary>Whether an expire-token rule armed at <paramref name="armedUtcTicks"/> refuses a token issued at <paramref name="issuedUtcTicks"/>.</summary>
    /// <remarks>iat has whole seconds: a token issued in the second the rule was armed counts as issued before it.</remarks>
    public static bool Expires(long armedUtcTicks, long? issuedUtcTicks) => issuedUtcTicks is not { } issued || issued <= armedUtcTicks;

    public static string ExpiredBy(long armedUtcTicks, string label) =>
        $"the token was expired by a lab fault at {TextFormat.UtcMillis(armedUtcTicks)} ({label}): get a new token";

    public static string RefusedRefresh(string label) => $"the refresh token was refused by a lab fault ({label})";

    public static string DeniedConsent(string label) => $"consent was denied by a lab fault ({label})";
}
