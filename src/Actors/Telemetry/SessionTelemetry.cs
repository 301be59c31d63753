using System.Diagnostics;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Actors.Telemetry;

/// <summary>
/// What a session entity reports: the span of a tool call it runs, continuing the trace of the node that took the
/// request (its context travels in <see cref="Messages.RequestFacts.Trace"/>, so a call through one node to a session on
/// another is one trace), and the active-sessions count and session duration. Free while no listener is attached.
/// </summary>
internal static class SessionTelemetry
{
    /// <summary>A span for running <paramref name="call"/> here, or null when no listener records it.</summary>
    public static Activity? CallSpan(CallTool call, Akka.Actor.ActorSystem system)
    {
        if (!McpTelemetry.Source.HasListeners())
        {
            return null;
        }
        var span = TraceMeta.Parent(call.Request.Trace) is { } parent
            ? McpTelemetry.Source.StartActivity("session tools/call " + call.ToolName, ActivityKind.Internal, parent)
            : McpTelemetry.Source.StartActivity("session tools/call " + call.ToolName);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(McpTelemetry.Tags.SessionId, call.SessionId);
            span.SetTag(McpTelemetry.Tags.ToolName, call.ToolName);
            span.SetTag(McpTelemetry.Tags.McpToolName, call.ToolName);
            span.SetTag(McpTelemetry.Tags.AkkaNode, ((Akka.Actor.ExtendedActorSystem)system).Provider.DefaultAddress.ToString());
        }
        return span;
    }

    public static void Opened(SessionKind kind)
    {
        if (McpTelemetry.ActiveSessions.Enabled)
        {
            McpTelemetry.ActiveSessions.Add(1, new KeyValuePair<string, object?>(McpTelemetry.Tags.SessionKind, Kind(kind)));
        }
    }

    public static void Closed(SessionKind kind, TimeSpan lifetime)
    {
        if (McpTelemetry.ActiveSessions.Enabled)
        {
            McpTelemetry.ActiveSessions.Add(-1, new KeyValuePair<string, object?>(McpTelemetry.Tags.SessionKind, Kind(kind)));
        }
        if (McpTelemetry.SessionDuration.Enabled)
        {
            McpTelemetry.SessionDuration.Record(lifetime.TotalSeconds,
                new KeyValuePair<string, object?>(McpTelemetry.Tags.Transport, "tcp"),
                new KeyValuePair<string, object?>(McpTelemetry.Tags.SessionKind, Kind(kind)));
        }
    }

    private static string Kind(SessionKind kind) => kind == SessionKind.Handle ? "handle" : "session";
}
