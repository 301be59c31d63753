using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using System.Threading.Channels;
using Akka.Actor;
using Akka.Hosting;
using AkkaMcpEcho.Actors.Hosting;
using AkkaMcpEcho.Http.Configuration;
using AkkaMcpEcho.Http.Streams;
using AkkaMcpEcho.Http.Wire;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Http.Traffic;

/// <summary>
/// GET /traffic/live: every exchange of every node as it ends, one SSE event each (<c>event: exchange</c>), behind a
/// <c>hello</c> event that names this node. A page that reads too slowly loses the oldest (a bounded drop-head buffer,
/// as on GET /mcp), never the server's memory. Ends when the client goes or the server stops.
/// </summary>
internal sealed class TrafficFeed(IRequiredActor<TrafficLogKey> log, SessionStreams streams, EchoSettings settings,
    IHostApplicationLifetime lifetime)
{
    private const int Buffer = 1000;
    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    public async Task Serve(HttpContext context, string node)
    {
        var cancel = context.RequestAborted;
        var (stream, items) = streams.Open<ExchangeRecord>(Buffer);
        using var stopping = lifetime.ApplicationStopping.Register(() => SessionStreams.Close(stream));
        try
        {
            log.ActorRef.Tell(new WatchTraffic(stream));
            await FrameWriter.StartEventStream(context, cancel);
            var output = context.Response.BodyWriter;
            Event(output, "hello", json =>
            {
                json.WriteStartObject();
                json.WriteString("node", node);
                json.WriteBoolean("recording", settings.Traffic.Enabled);
                json.WriteEndObject();
            });
            await output.FlushAsync(cancel);
            while (await Next(items, output, cancel))
            {
                while (items.TryRead(out var record))
                {
                    Event(output, "exchange", json => TrafficJson.Exchange(json, record));
                }
                await output.FlushAsync(cancel);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The page was closed.
        }
        finally
        {
            SessionStreams.Close(stream);
        }
    }

    /// <summary>Waits for exchanges, writing a keep-alive comment whenever the feed has been idle for the interval.</summary>
    private async Task<bool> Next(ChannelReader<ExchangeRecord> items, PipeWriter output, CancellationToken cancel)
    {
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            tick.CancelAfter(settings.KeepAliveInterval);
            try
            {
                return await items.WaitToReadAsync(tick.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                output.Write(KeepAlive);
                await output.FlushAsync(cancel);
            }
        }
    }

    private static void Event(IBufferWriter<byte> output, string name, Action<Utf8JsonWriter> data)
    {
        output.Write(System.Text.Encoding.UTF8.GetBytes($"event: {name}\ndata: "));
        using (var json = new Utf8JsonWriter(output, TrafficJson.Options))
        {
            data(json);
        }
        output.Write("\n\n"u8);
    }
}
