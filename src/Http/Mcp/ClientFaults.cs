namespace AkkaMcpEcho.Http.Mcp;

/// <summary>
/// Logs requests that fail through the client's own fault (a body Kestrel cannot read): at debug each time, and at most
/// one warning a minute with the count since the last, so no client can flood the log at a level that is kept.
/// </summary>
internal sealed partial class ClientFaults(ILogger<ClientFaults> log, TimeProvider clock)
{
    private static readonly TimeSpan WarningEvery = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _nextWarning = DateTimeOffset.MinValue;
    private long _since;

    public void BodyUnreadable(HttpContext context, int status, string? problem)
    {
        var reason = LogText.Safe(problem ?? "unknown");
        BodyFailed(log, status, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason);
        long count;
        lock (_gate)
        {
            _since++;
            var now = clock.GetUtcNow();
            if (now < _nextWarning)
            {
                return;
            }
            _nextWarning = now + WarningEvery;
            count = _since;
            _since = 0;
        }
        BodiesFailed(log, count, status, reason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Request body unreadable ({Status}) from {Remote}: {Reason}")]
    private static partial void BodyFailed(ILogger log, int status, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} request bodies could not be read since the last warning (latest: {Status}, {Reason}); at most one warning a minute")]
    private static partial void BodiesFailed(ILogger log, long count, int status, string reason);
}
