using System.Diagnostics;
using Akka.Actor;
using AkkaMcpEcho.Benchmarks.RemoteHop;

// The floor under the cluster row: what one Akka.Remote round trip costs on this machine, with no HTTP, no sharding and
// no session, between two processes on 127.0.0.1, by the number of asks in flight (the cost per message falls as more of
// them share the connection and its threads stay awake). The cluster row's extra CPU per request is compared with it in
// PROFILE.md §7. Usage: RemoteHop [--seconds 10] [--warmup 5] [--in-flight 8,21,64]; RemoteHop --serve is the far side.
var options = Options.Parse(args);
if (options.Serve)
{
    // Both sides bind port 0: the far side says which port it got.
    using var far = ActorSystem.Create(Hop.SystemName, Hop.Config);
    far.ActorOf(Props.Create(() => new Hop.Echo()), Hop.EchoName);
    Console.WriteLine($"ready {((ExtendedActorSystem)far).Provider.DefaultAddress.Port}");
    await Console.In.ReadToEndAsync(); // until the driver closes standard input
    return 0;
}

using var child = Process.Start(new ProcessStartInfo("dotnet", [typeof(Hop).Assembly.Location, "--serve"])
{
    RedirectStandardInput = true,
    RedirectStandardOutput = true,
    UseShellExecute = false,
}) ?? throw new InvalidOperationException("the far side did not start");
try
{
    var ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
    if (ready?.Split(' ') is not ["ready", var farPort])
    {
        throw new InvalidOperationException($"the far side did not say it was ready: '{ready}'");
    }
    using var near = ActorSystem.Create(Hop.SystemName, Hop.Config);
    var remote = await near.ActorSelection($"akka.tcp://{Hop.SystemName}@127.0.0.1:{farPort}/user/{Hop.EchoName}")
        .ResolveOne(TimeSpan.FromSeconds(10));
    var local = near.ActorOf(Props.Create(() => new Hop.Echo()), Hop.EchoName);
    Console.WriteLine($"Akka {typeof(ActorSystem).Assembly.GetName().Version}, {Environment.ProcessorCount} cores, "
        + $"{options.Warmup} s warm-up and {options.Seconds} s timed per row; CPU per ask is both processes' user + system time");
    if (options.Batch > 1)
    {
        await Batches(remote, child, options);
        return 0;
    }
    foreach (var payload in Hop.Payloads)
    {
        var rows = options.InFlight.Select(inFlight => ("remote", remote, (Process?)child, inFlight)).Prepend(("local", local, null, 64));
        foreach (var (where, target, far, inFlight) in rows)
        {
            await Hop.Run(target, payload.Message, inFlight, TimeSpan.FromSeconds(options.Warmup), null);
            var row = await Hop.Run(target, payload.Message, inFlight, TimeSpan.FromSeconds(options.Seconds), far);
            Console.WriteLine($"{where,-6} {payload.Name,-24} {inFlight,3} in flight {row.PerSecond,9:N0} asks/s "
                + $"{row.MicrosPerAsk,6:N1} us CPU per ask (asker {row.NearMicros:N1}, far side {row.FarMicros:N1}) "
                + $"{row.BytesPerAsk,7:N0} B allocated per ask (asker {row.NearBytes:N0}, far side {row.FarBytes:N0})");
        }
    }
    return 0;
}
finally
{
    child.StandardInput.Close();
    if (!child.WaitForExit(10_000))
    {
        child.Kill(entireProcessTree: true);
    }
}

// Items of a call's binary size asked one per message, against the same number of items in flight gathered N to a
// message (the far side answers with a message of the same size): CPU per item, not per message.
static async Task Batches(IActorRef remote, Process far, Options options)
{
    var system = ((IInternalActorRef)remote).Provider.Guardian.Underlying.System;
    var call = Hop.Payloads[1].Message;
    var size = system.Serialization.FindSerializerFor(call).ToBinary(call).Length;
    foreach (var inFlight in options.InFlight)
    {
        foreach (var (perMessage, asks) in new[] { (1, inFlight), (options.Batch, Math.Max(1, inFlight / options.Batch)) })
        {
            var message = new byte[size * perMessage];
            await Hop.Run(remote, message, asks, TimeSpan.FromSeconds(options.Warmup), null);
            var row = await Hop.Run(remote, message, asks, TimeSpan.FromSeconds(options.Seconds), far);
            Console.WriteLine($"{perMessage,2} items of {size} B per message, {asks,3} messages in flight: "
                + $"{row.PerSecond * perMessage,9:N0} items/s {row.MicrosPerAsk / perMessage,6:N1} us CPU per item "
                + $"(asker {row.NearMicros / perMessage:N1}, far side {row.FarMicros / perMessage:N1}) "
                + $"{row.BytesPerAsk / perMessage,7:N0} B allocated per item");
        }
    }
}
