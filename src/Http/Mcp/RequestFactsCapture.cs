using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Auth;
using AkkaMcpEcho.Protocol.Telemetry;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>Copies what tools may inspect out of the live request, so no HttpContext crosses into actors.</summary>
internal static class RequestFactsCapture
{
    /// <param name="parameters">The request's params, for the trace context in their <c>_meta</c>.</param>
    /// <param name="tool">The tool called: only the tools that read headers are sent a copy (they cross nodes with the call).</param>
    public static RequestFacts From(HttpContext context, long startedUtcTicks, JsonElement? parameters, string tool)
    {
        var request = context.Request;
        return new RequestFacts(
            request.Method,
            request.Path.Value ?? "/",
            context.Connection.RemoteIpAddress?.ToString(),
            startedUtcTicks,
            ToolCatalog.NeedsHeaders(tool) ? Headers(request) : [],
            Trace(context, parameters))
        {
            Verdict = context.Features.Get<TokenVerdict>(),
        };
    }

    private static ImmutableArray<HeaderField> Headers(HttpRequest request)
    {
        var headers = ImmutableArray.CreateBuilder<HeaderField>(request.Headers.Count);
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new HeaderField(name, values.ToString()));
        }
        return headers.MoveToImmutable();
    }

    /// <summary>
    /// The trace context the request carried and the one the server used: the MCP span's when telemetry records one; else,
    /// when the request carried a context, the HTTP request's activity (ASP.NET Core makes one whenever it logs, parented on
    /// the <c>traceparent</c> header); else none, so a request without any costs nothing here.
    /// </summary>
    private static TraceFacts? Trace(HttpContext context, JsonElement? parameters)
    {
        var carried = TraceMeta.Read(parameters);
        var span = McpExchange.Of(context)?.Span
            ?? (carried is not null || context.Request.Headers.ContainsKey(TraceMeta.Traceparent) ? HttpActivity(context) : null);
        return span is null ? carried : (carried ?? TraceFacts.None) with { ServerTraceparent = TraceMeta.Of(span) };
    }

    private static Activity HttpActivity(HttpContext context) =>
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpActivityFeature>()?.Activity ?? AsHostingWould(context.Request.Headers);

    /// <summary>
    /// ASP.NET Core makes no request activity while its hosting log category is off (<see cref="Telemetry.TelemetrySetup"/>):
    /// the context it would have made, for the few requests that carry trace context: the header's trace continued with a
    /// new span, or a new trace when no valid <c>traceparent</c> arrived.
    /// </summary>
    private static Activity AsHostingWould(IHeaderDictionary headers)
    {
        var activity = new Activity(Telemetry.TelemetrySetup.HostingActivityName);
        activity.SetIdFormat(ActivityIdFormat.W3C);
        if (ActivityContext.TryParse(headers[TraceMeta.Traceparent].ToString(), headers["tracestate"].ToString(), isRemote: true, out var parent))
        {
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
        }
        // Ids are given at the start; nothing listens, and stopping puts the current activity back.
        activity.Start().Stop();
        return activity;
    }
}
