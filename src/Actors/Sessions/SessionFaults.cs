using AkkaMcpEcho.Messages.Calls;
using AkkaMcpEcho.Messages.Faults;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Faults;

namespace AkkaMcpEcho.Actors.Sessions;

/// <summary>
/// Which of a session's commands its own fault rules apply to (the POST requests the HTTP layer asks it about, each
/// counted once), and how a session refuses one in the rule's name.
/// </summary>
internal static class SessionFaults
{
    /// <summary>
    /// The rule of <paramref name="state"/> that applies to <paramref name="message"/> (taken: its count goes down), the
    /// state after, and, when the rule refuses the request, the answer to send instead of running it.
    /// </summary>
    public static (FaultRule? Fault, SessionState After, object? Refusal) Take(SessionState state, object message)
    {
        if (state.Faults.IsEmpty || Request(message) is not ({ } method, var tool))
        {
            return (null, state, null);
        }
        var (fault, rules) = FaultRules.Take(state.Faults, method, tool, Random.Shared);
        return (fault, state with { Faults = rules }, fault is not null && FaultRules.Refuses(fault.Action) ? Refusal(message, fault) : null);
    }

    /// <summary>The JSON-RPC method (and tool) a command stands for, or null for a command no rule applies to.</summary>
    private static (string? Method, string? Tool) Request(object message) => message switch
    {
        TouchSession touch => (touch.Method, null),
        CallTool call => ("tools/call", call.ToolName),
        StreamCall stream => ("tools/call", stream.Call.ToolName),
        SetLogLevel => ("logging/setLevel", null),
        _ => (null, null),
    };

    /// <summary>The answer of a command refused by <paramref name="rule"/>: no reply, the rule.</summary>
    private static object Refusal(object message, FaultRule rule) => message switch
    {
        TouchSession touch => touch.Refused(rule),
        CallTool call => call.Refused(rule),
        StreamCall stream => stream.Refused(rule),
        SetLogLevel set => set.Refused(rule),
        _ => throw new ArgumentException($"No rule applies to {message.GetType().Name}", nameof(message)),
    };
}
