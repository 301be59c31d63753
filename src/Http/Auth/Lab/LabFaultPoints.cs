using AkkaMcpEcho.Actors.Faults;
using AkkaMcpEcho.Http.Faults;
using AkkaMcpEcho.Http.Mcp;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Http.Auth;

/// <summary>
/// Where the OAuth lab meets the global fault rules of <see cref="LabFaults"/>: the authorization server takes
/// refuse-refresh, deny-consent and wrong-audience from their counts, the resource server's gate reads expire-token. A
/// fault that acts is labelled as every fault is: the Echo-Fault-Applied header, a log line, and on /mcp the traffic
/// record. With no global rule, each point costs a volatile read.
/// </summary>
internal sealed partial class LabFaultPoints(FaultBoard board, ILogger<LabFaultPoints> log)
{
    /// <summary>The label of the <paramref name="effect"/> rule this request meets (taken from its count), or null.</summary>
    public string? Take(HttpContext context, FaultEffect effect)
    {
        if (board.IsEmpty || board.TakeLab(effect, Random.Shared) is not { } rule)
        {
            return null;
        }
        return Applied(context, rule);
    }

    /// <summary>Why a token issued at <paramref name="issuedUtcTicks"/> is refused by an expire-token rule, or null.</summary>
    public string? Expired(HttpContext context, long? issuedUtcTicks)
    {
        if (board.IsEmpty || board.ExpiredBy(issuedUtcTicks) is not { ArmedUtcTicks: { } armed } rule)
        {
            return null;
        }
        var label = Applied(context, rule);
        FaultState.Carry(context, new FaultState(rule.Action, $"global rule {rule.Id}"));
        return LabFaults.ExpiredBy(armed, label);
    }

    private string Applied(HttpContext context, FaultRule rule)
    {
        var label = FaultText.Label(rule.Action, $"global rule {rule.Id}");
        context.Response.Headers[FaultVocabulary.AppliedHeader] = label;
        Injected(log, label, context.Request.Method, LogText.Safe(context.Request.Path.Value ?? "-"));
        return label;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Injected fault {Fault} on {HttpMethod} {Path}")]
    private static partial void Injected(ILogger log, string fault, string httpMethod, string path);
}
