using System.Collections;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Http.Telemetry;

/// <summary>
/// The logging scope of one request to /mcp: its session or handle, JSON-RPC method and request id, read when a line is
/// written (the handlers learn them as they go), so every line logged while serving the request carries them.
/// </summary>
internal sealed class ExchangeLogScope(HttpContext context) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private static readonly string[] Keys = ["McpSessionId", "McpMethod", "McpRequestId"];

    public int Count => Keys.Length;

    public KeyValuePair<string, object?> this[int index] => new(Keys[index], index switch
    {
        0 => McpExchange.Of(context)?.SessionId,
        1 => McpExchange.Of(context)?.RpcMethod,
        _ => McpExchange.Of(context)?.RpcIdJson is { } id ? McpOperation.IdText(id) : null,
    });

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Keys.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', this.Where(pair => pair.Value is not null).Select(pair => $"{pair.Key}={pair.Value}"));

    /// <summary>Opens the scope around every request to <paramref name="path"/> (outside the taps, so their lines have it too).</summary>
    public static void Use(IApplicationBuilder app, PathString path, ILogger log) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments(path))
        {
            await next(context);
            return;
        }
        using (log.BeginScope(new ExchangeLogScope(context)))
        {
            await next(context);
        }
    });
}
