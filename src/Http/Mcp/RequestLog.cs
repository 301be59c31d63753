using AkkaMcpEcho.Http.Wire;

namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// One debug line per request to the MCP endpoint: HTTP method, JSON-RPC method, session, status and duration. Every
/// client-supplied value goes through <see cref="LogText"/>. Left out when debug logging is off.
/// </summary>
internal sealed partial class RequestLog(ILogger<RequestLog> log, TimeProvider clock) : McpTap
{
    public override bool Enabled => log.IsEnabled(LogLevel.Debug);

    public override void OnEnd(McpExchange exchange)
    {
        var http = exchange.Http;
        Served(log, http.Request.Method, LogText.Safe(exchange.RpcMethod), LogText.Safe(exchange.SessionId),
            exchange.End == ExchangeEnd.ClientGone ? "client gone" : http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (clock.GetUtcNow() - exchange.Started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{HttpMethod} /mcp {RpcMethod} session={Session} -> {Status} in {Milliseconds:0.0} ms")]
    private static partial void Served(ILogger log, string httpMethod, string rpcMethod, string session, string status, double milliseconds);
}
