namespace AkkaMcpEcho.Http.Wire;

/// <summary>
/// The one seam every frame in or out of /mcp passes: a tap is told when an exchange begins (with its request body,
/// once read), sees each frame before it is written (and may replace it, delay it, or drop it by returning null), and
/// is told when the exchange ends. Taps run in registration order; register them as <c>McpTap</c> services.
/// </summary>
public abstract class McpTap
{
    /// <summary>A tap that is off (say, a log below its level) is left out when the server starts.</summary>
    public virtual bool Enabled => true;

    /// <summary>The request is read (<see cref="McpExchange.RequestBody"/> is set for a POST).</summary>
    public virtual ValueTask OnRequest(McpExchange exchange) => ValueTask.CompletedTask;

    /// <summary>The JSON-RPC message the request carries is known (<see cref="McpExchange.RpcMethod"/> and the rest are set).</summary>
    public virtual void OnMessage(McpExchange exchange)
    {
    }

    /// <summary>A frame is about to be written; what is returned is written instead (null: nothing).</summary>
    public virtual ValueTask<TapFrame?> OnFrame(McpExchange exchange, TapFrame frame) => ValueTask.FromResult<TapFrame?>(frame);

    /// <summary>The response is complete, or the client went away.</summary>
    public virtual void OnEnd(McpExchange exchange)
    {
    }
}
