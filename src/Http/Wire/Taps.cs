namespace AkkaMcpEcho.Http.Wire;

/// <summary>
/// Runs the registered <see cref="McpTap"/>s. With none registered, no exchange is created and frames go straight out.
/// </summary>
public sealed class Taps(IEnumerable<McpTap> taps, TimeProvider clock)
{
    private readonly McpTap[] _taps = [.. taps.Where(tap => tap.Enabled)];
    private long _sequence;

    public bool Active => _taps.Length > 0;

    /// <summary>Creates the exchange of every request to <paramref name="path"/> and ends it when the response is done.</summary>
    public IApplicationBuilder Use(IApplicationBuilder app, PathString path) =>
        !Active ? app : app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(path))
            {
                await next(context);
                return;
            }
            var exchange = new McpExchange(context, this, Interlocked.Increment(ref _sequence), clock.GetUtcNow());
            context.Features.Set(exchange);
            try
            {
                await next(context);
            }
            finally
            {
                exchange.End = exchange.End == ExchangeEnd.Answered && context.RequestAborted.IsCancellationRequested
                    ? ExchangeEnd.ClientGone
                    : exchange.End;
                foreach (var tap in _taps)
                {
                    tap.OnEnd(exchange);
                }
            }
        });

    public async ValueTask Request(McpExchange exchange)
    {
        foreach (var tap in _taps)
        {
            await tap.OnRequest(exchange);
        }
    }

    public void Message(McpExchange exchange)
    {
        foreach (var tap in _taps)
        {
            tap.OnMessage(exchange);
        }
    }

    public async ValueTask<TapFrame?> Frame(McpExchange exchange, TapFrame frame)
    {
        TapFrame? current = frame;
        for (var i = 0; i < _taps.Length && current is not null; i++)
        {
            current = await _taps[i].OnFrame(exchange, current);
        }
        return current;
    }
}
