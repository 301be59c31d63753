using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Http.Faults;

/// <summary>
/// The one fault a request carries, and where it came from (the header, a global rule, the session's or handle's own
/// rule): kept on the request's <see cref="McpExchange"/>, read where it acts. The first fault a request meets wins.
/// </summary>
internal sealed class FaultState(FaultAction action, string source)
{
    public FaultAction Action { get; } = action;

    /// <summary>As the Echo-Fault-Applied header, the log and the traffic page name it: <c>status=503 (header)</c>.</summary>
    public string Label { get; } = FaultText.Label(action, source);

    /// <summary>The frames of the answer so far (drop-stream-after counts them).</summary>
    public int Frames { get; set; }

    public static FaultState? Of(HttpContext context) => McpExchange.Of(context)?.Fault;

    /// <summary>Gives the request <paramref name="state"/> unless it carries a fault already; false then.</summary>
    public static bool Carry(HttpContext context, FaultState state)
    {
        if (McpExchange.Of(context) is not { Fault: null } exchange)
        {
            return false;
        }
        exchange.Fault = state;
        return true;
    }

    /// <summary>
    /// A rule of the session's applies: the request carries it (unless it carries a fault already), and when it refuses
    /// the request the handler answers in its place: the session did not run it, so this fault wins.
    /// </summary>
    /// <exception cref="InjectedFault">The rule refuses the request.</exception>
    public static void FromSession(HttpContext context, FaultRule rule, bool viaHandle)
    {
        var state = new FaultState(rule.Action, $"{(viaHandle ? "handle" : "session")} rule {rule.Id}");
        if (!FaultRules.Refuses(rule.Action))
        {
            Carry(context, state);
            return;
        }
        McpExchange.Of(context)?.Fault = state;
        throw new InjectedFault(state);
    }
}

/// <summary>A fault that answers in place of the request (status, rpc-error, drop): the handler stops and answers it.</summary>
internal sealed class InjectedFault(FaultState state) : Exception("Injected fault: " + state.Label)
{
    public FaultState State { get; } = state;
}
