using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AkkaMcpEcho.Protocol.Telemetry;

/// <summary>
/// The server's activity source and meter, and the names the MCP semantic conventions give spans, metrics and their
/// attributes (the official C# SDK uses the same). One of each per process, as the SDK has: instruments cost nothing
/// while no listener is attached, and every caller checks <see cref="ActivitySource.HasListeners"/> or
/// <see cref="Instrument.Enabled"/> before it builds tags.
/// </summary>
public static class McpTelemetry
{
    public const string SourceName = "AkkaMcpEcho";

    public static readonly ActivitySource Source = new(SourceName, ServerProfile.Version);

    public static readonly Meter Meter = new(SourceName, ServerProfile.Version);

    /// <summary>The bucket boundaries the MCP semantic conventions give every MCP duration histogram (seconds).</summary>
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    };

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram("mcp.server.operation.duration", "s",
        "MCP request or notification duration as observed on the receiver from the time it was received until the result or ack is sent.",
        advice: DurationBuckets);

    public static readonly Histogram<double> SessionDuration = Meter.CreateHistogram("mcp.server.session.duration", "s",
        "The duration of the MCP session as observed on the MCP server.", advice: DurationBuckets);

    public static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("mcp_echo.sessions.active",
        "{session}", "Sessions (2025) and handles (2026-07-28) this node hosts now, by mcp.session.kind.");

    public static readonly UpDownCounter<long> OpenStreams = Meter.CreateUpDownCounter<long>("mcp_echo.streams.open",
        "{stream}", "Server-sent event streams open on this node (GET streams and subscriptions/listen).");

    public static readonly Counter<long> DroppedEvents = Meter.CreateCounter<long>("mcp_echo.events.dropped",
        "{event}", "Server-to-client events a stream's buffer dropped because the client read too slowly.");

    public static readonly Counter<long> RejectedRequests = Meter.CreateCounter<long>("mcp_echo.requests.rejected",
        "{request}", "Requests to /mcp refused before a method ran, by reason and HTTP status.");

    public static readonly Counter<long> ClusterHops = Meter.CreateCounter<long>("mcp_echo.cluster.hops",
        "{message}", "Session messages this node routed to a session hosted on another node.");

    public static class Tags
    {
        public const string MethodName = "mcp.method.name";
        public const string ToolName = "gen_ai.tool.name";
        public const string McpToolName = "mcp.tool.name";
        public const string OperationName = "gen_ai.operation.name";
        public const string PromptName = "gen_ai.prompt.name";
        public const string ResourceUri = "mcp.resource.uri";
        public const string RequestId = "mcp.request.id";
        public const string JsonRpcRequestId = "jsonrpc.request.id";
        public const string SessionId = "mcp.session.id";
        public const string SessionKind = "mcp.session.kind";
        public const string ProtocolVersion = "mcp.protocol.version";
        public const string Transport = "network.transport";
        public const string ProtocolName = "network.protocol.name";
        public const string ErrorType = "error.type";
        public const string RpcStatusCode = "rpc.response.status_code";
        public const string HttpStatusCode = "http.response.status_code";
        public const string Reason = "reason";
        public const string AkkaNode = "akka.node";
    }
}
