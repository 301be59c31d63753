using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Messages.Traffic;

namespace AkkaMcpEcho.Benchmarks.RemoteHop;

/// <summary>One row: asks per second, and CPU time and bytes allocated per ask on each side.</summary>
public sealed record HopRow(double PerSecond, double NearMicros, double FarMicros, double NearBytes, double FarBytes)
{
    public double MicrosPerAsk => NearMicros + FarMicros;

    public double BytesPerAsk => NearBytes + FarBytes;
}

public static class Hop
{
    public const string SystemName = "hop";
    public const string EchoName = "echo";

    /// <summary>Asks the echo actor for its process's bytes allocated so far (load-independent, unlike CPU time).</summary>
    public const string AllocatedQuery = "allocated?";

    /// <summary>
    /// A string of an echo request's size (Akka's own serializer), and the server's own call and answer (its JSON wire
    /// serializer), as a remote call of the cluster row carries them.
    /// </summary>
    public static readonly (string Name, object Message)[] Payloads =
    [
        ("300-character string", new string('x', 300)),
        ("CallTool / SessionAnswer", new CallTool("3f2a9c1e5b7d4a60b1c2d3e4f5a6b7c8", "echo",
            JsonElement.Parse("""{"message":"hello from the load generator"}"""),
            new RequestFacts("POST", "/mcp", "127.0.0.1", DateTime.UtcNow.Ticks, ImmutableArray<HeaderField>.Empty))),
        ("3 exchange records", new RecordExchange("3f2a9c1e5b7d4a60b1c2d3e4f5a6b7c8", [.. Enumerable.Range(1, 3).Select(Exchange)])),
    ];

    /// <summary>An echo call as the traffic recording keeps it (what a node sends a session hosted elsewhere).</summary>
    private static ExchangeRecord Exchange(int sequence) => new("127.0.0.1:3001", sequence, DateTime.UtcNow.Ticks, 0.4, "legacy",
        "2025-06-18", "3f2a9c1e5b7d4a60b1c2d3e4f5a6b7c8", "session", "tools/call", sequence.ToString(CultureInfo.InvariantCulture),
        "echo", "POST", "/mcp", 200, "answered",
        [new("Host", "127.0.0.1:3001"), new("Accept", "application/json, text/event-stream"), new("Content-Type", "application/json"),
            new("Mcp-Session-Id", "3f2a9c1e5b7d4a60b1c2d3e4f5a6b7c8"), new("MCP-Protocol-Version", "2025-06-18"), new("Content-Length", "133")],
        [new("Content-Type", "application/json")],
        new RecordedText("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hello from the load generator"}}}""", 122, false),
        new RecordedText("""{"jsonrpc":"2.0","id":7,"result":{"content":[{"type":"text","text":"hello from the load generator"}]}}""", 100, false),
        [], 0, null);

    /// <summary>Remoting on 127.0.0.1, on a port the system picks.</summary>
    public static readonly Config Config = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          actor {
            provider = remote
            serializers.echo = "AkkaMcpEcho.Actors.Serialization.EchoMessageSerializer, AkkaMcpEcho.Actors"
            serialization-bindings { "AkkaMcpEcho.Messages.IEchoMessage, AkkaMcpEcho.Messages" = echo }
          }
          remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        }
        """);

    public static async Task<HopRow> Run(IActorRef target, object message, int concurrency, TimeSpan length, Process? far)
    {
        var self = Process.GetCurrentProcess();
        var (nearBefore, farBefore) = (self.TotalProcessorTime, Cpu(far));
        var (nearBytesBefore, farBytesBefore) = (GC.GetTotalAllocatedBytes(), await Allocated(target, far));
        var stopwatch = Stopwatch.StartNew();
        var asks = 0L;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < length)
            {
                await target.Ask<object>(message, TimeSpan.FromSeconds(10));
                Interlocked.Increment(ref asks);
            }
        })));
        var elapsed = stopwatch.Elapsed;
        self.Refresh();
        var nearCpu = self.TotalProcessorTime - nearBefore;
        var farCpu = Cpu(far) - farBefore;
        var nearBytes = GC.GetTotalAllocatedBytes() - nearBytesBefore;
        var farBytes = await Allocated(target, far) - farBytesBefore;
        return new HopRow(asks / elapsed.TotalSeconds, nearCpu.TotalMicroseconds / asks, farCpu.TotalMicroseconds / asks,
            (double)nearBytes / asks, (double)farBytes / asks);
    }

    /// <summary>The far process's bytes allocated so far; 0 when the target is in this process (counted as near).</summary>
    private static async Task<long> Allocated(IActorRef target, Process? far) =>
        far is null ? 0 : await target.Ask<long>(AllocatedQuery, TimeSpan.FromSeconds(10));

    private static TimeSpan Cpu(Process? process)
    {
        process?.Refresh();
        return process?.TotalProcessorTime ?? TimeSpan.Zero;
    }

    /// <summary>Answers a call with an echo's answer, <see cref="AllocatedQuery"/> with its count, anything else with itself.</summary>
    public sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<CallTool>(call => Sender.Tell(new SessionAnswer<ToolCallReply>(call.SessionId,
                new ToolCallReply($"hello from the load generator\nSession: {call.SessionId}\nEcho count in session: 1", false))));
            Receive<string>(query => query == AllocatedQuery, _ => Sender.Tell(GC.GetTotalAllocatedBytes()));
            ReceiveAny(message => Sender.Tell(message));
        }
    }
}
