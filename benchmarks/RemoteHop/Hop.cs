using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Benchmarks.RemoteHop;

public sealed record HopRow(double PerSecond, double NearMicros, double FarMicros)
{
    public double MicrosPerAsk => NearMicros + FarMicros;
}

public static class Hop
{
    public const string SystemName = "hop";
    public const string EchoName = "echo";

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
    ];

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
        return new HopRow(asks / elapsed.TotalSeconds, nearCpu.TotalMicroseconds / asks, farCpu.TotalMicroseconds / asks);
    }

    private static TimeSpan Cpu(Process? process)
    {
        process?.Refresh();
        return process?.TotalProcessorTime ?? TimeSpan.Zero;
    }

    /// <summary>Answers a string with itself and a call with an echo's answer.</summary>
    public sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<CallTool>(call => Sender.Tell(new SessionAnswer<ToolCallReply>(call.SessionId,
                new ToolCallReply($"hello from the load generator\nSession: {call.SessionId}\nEcho count in session: 1", false))));
            ReceiveAny(message => Sender.Tell(message));
        }
    }
}
