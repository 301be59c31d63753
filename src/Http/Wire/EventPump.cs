using System.Threading.Channels;
using AkkaMcpEcho.Messages.Streams;
using AkkaMcpEcho.Protocol.Telemetry;

namespace AkkaMcpEcho.Http.Wire;

/// <summary>
/// Writes a long-lived SSE stream: each event as it comes (after what <paramref name="before"/> says must precede it,
/// such as a gap marker), and a keep-alive whenever the stream has been idle for the interval. Returns when the
/// events end; throws when <paramref name="cancel"/> fires.
/// </summary>
internal static class EventPump
{
    public static async Task Run(HttpContext context, ChannelReader<SessionEvent> events, TimeSpan keepAliveEvery,
        Func<long, byte[]> keepAlive, Func<SessionEvent, SessionEvent?>? before, CancellationToken cancel)
    {
        McpTelemetry.OpenStreams.Add(1);
        try
        {
            await Pump(context, events, keepAliveEvery, keepAlive, before, cancel);
        }
        finally
        {
            McpTelemetry.OpenStreams.Add(-1);
        }
    }

    private static async Task Pump(HttpContext context, ChannelReader<SessionEvent> events, TimeSpan keepAliveEvery,
        Func<long, byte[]> keepAlive, Func<SessionEvent, SessionEvent?>? before, CancellationToken cancel)
    {
        var output = context.Response.BodyWriter;
        long keepAlives = 0;
        while (true)
        {
            bool more;
            if (keepAliveEvery == Timeout.InfiniteTimeSpan)
            {
                more = await events.WaitToReadAsync(cancel);
            }
            else
            {
                // A fresh timer per wait: a source that has fired cannot be reset.
                using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                tick.CancelAfter(keepAliveEvery);
                try
                {
                    more = await events.WaitToReadAsync(tick.Token);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    await FrameWriter.KeepAlive(context, keepAlive(++keepAlives));
                    await output.FlushAsync(cancel);
                    continue;
                }
            }
            if (!more)
            {
                return;
            }
            while (events.TryRead(out var item))
            {
                if (before?.Invoke(item) is { } first)
                {
                    await FrameWriter.Event(context, first);
                }
                await FrameWriter.Event(context, item);
            }
            await output.FlushAsync(cancel);
        }
    }
}
