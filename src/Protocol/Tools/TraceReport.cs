using System.Text;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>
/// The trace context a request carried (the <c>traceparent</c> header and <c>params._meta</c>) and the trace the server
/// used, so a gateway builder sees whether propagation worked. Empty for a request that carried none, so the tools'
/// reports stay as they were.
/// </summary>
public static class TraceReport
{
    public static string Section(RequestFacts request)
    {
        var header = request.Header(TraceMeta.Traceparent);
        var trace = request.Trace;
        if (header is null && trace?.CarriesMeta != true)
        {
            return "";
        }
        var text = new StringBuilder("\n\n🔗 Trace Context:\n")
            .Append($"- traceparent header: {Shown(header)}\n");
        AppendIfPresent(text, "tracestate header", request.Header(TraceMeta.Tracestate));
        AppendIfPresent(text, "baggage header", request.Header(TraceMeta.Baggage));
        text.Append($"- _meta traceparent: {Shown(trace?.MetaTraceparent)}\n");
        AppendIfPresent(text, "_meta tracestate", trace?.MetaTracestate);
        AppendIfPresent(text, "_meta baggage", trace?.MetaBaggage);
        var server = TraceMeta.Parent(trace);
        text.Append(server is { } used
            ? $"- Server trace id: {used.TraceId.ToHexString()} (span {used.SpanId.ToHexString()})\n"
            : "- Server trace id: (none recorded)\n");
        return text.Append($"- Propagation: {Verdict(header, trace?.MetaTraceparent, server?.TraceId.ToHexString())}").ToString();
    }

    /// <summary>
    /// Which carried context the server's trace continues. The MCP span follows <c>_meta</c> before the header, as the
    /// official SDK does; with no traces exported there is no MCP span, and the HTTP request's activity follows the header.
    /// </summary>
    private static string Verdict(string? header, string? meta, string? serverTraceId) =>
        serverTraceId is null ? "unknown (the server recorded no trace)"
        : TraceId(meta) == serverTraceId ? "✅ continued the _meta trace"
        : TraceId(header) == serverTraceId && meta is not null ? "✅ continued the header trace (_meta is followed while traces are exported)"
        : TraceId(header) == serverTraceId ? "✅ continued the header trace"
        : "⚠️ a new trace: no valid traceparent arrived";

    private static string? TraceId(string? traceparent) =>
        traceparent is not null && System.Diagnostics.ActivityContext.TryParse(traceparent, null, out var context)
            ? context.TraceId.ToHexString()
            : null;

    private static void AppendIfPresent(StringBuilder text, string label, string? value)
    {
        if (value is not null)
        {
            text.Append($"- {label}: {ReportText.OneLine(value)}\n");
        }
    }

    private static string Shown(string? value) => value is null ? "(none)" : ReportText.OneLine(value);
}
