using System.Globalization;
using System.Text;
using AkkaMcpEcho.Messages.Faults;

namespace AkkaMcpEcho.Protocol.Faults;

/// <summary>How a fault is named where it is observable: the Echo-Fault-Applied header, the log, the traffic page.</summary>
public static class FaultText
{
    /// <summary>The action in the header's own syntax, parameters in a fixed order: <c>status=503; retry-after=2</c>.</summary>
    public static string Of(FaultAction action)
    {
        var text = new StringBuilder(FaultVocabulary.Name(action.Effect));
        if (action.Variant is { } variant)
        {
            text.Append('=').Append(variant);
        }
        else if (action.Effect is not (FaultEffect.Drop or FaultEffect.ExpireSession or FaultEffect.ToolsChanged
                 or FaultEffect.HeaderMismatch or FaultEffect.Malformed) && !LabFaults.Is(action.Effect))
        {
            text.Append('=').Append(action.Value.ToString(CultureInfo.InvariantCulture));
        }
        if (action.RetryAfterSeconds is { } seconds)
        {
            text.Append("; retry-after=").Append(seconds.ToString(CultureInfo.InvariantCulture));
        }
        if (action.Message is { } message)
        {
            text.Append("; message=").Append(message);
        }
        return text.ToString();
    }

    /// <summary>The label of a fault and where it came from: <c>status=503 (header)</c>, <c>drop (global rule g2)</c>.</summary>
    public static string Label(FaultAction action, string source) => $"{Of(action)} ({source})";

    /// <summary>A rule as the injectFault tool and the /faults API describe it.</summary>
    public static string Describe(FaultRule rule)
    {
        var text = new StringBuilder($"{rule.Id}: {Of(rule.Action)}");
        if (rule.Method is { } method)
        {
            text.Append(", method ").Append(method);
        }
        if (rule.Tool is { } tool)
        {
            text.Append(", tool ").Append(tool);
        }
        text.Append(rule.Remaining is { } remaining ? $", {remaining} more request(s)" : ", until removed");
        if (rule.Probability < 100)
        {
            text.Append(", ").Append(rule.Probability.ToString(CultureInfo.InvariantCulture)).Append(" % of them");
        }
        return text.ToString();
    }
}
