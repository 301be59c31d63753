using Akka.Actor;
using AkkaMcpEcho.Benchmarks.ActorFootprint;

// Live managed heap per idle session (GC.GetTotalMemory after a full collection, so no GC slack as in RSS): the real
// SessionRegistry + SessionActor, and bare Akka actors of several shapes, to show where a session's bytes go.
// Usage: ActorFootprint [count]
var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
Console.WriteLine($"live managed bytes per actor, {count:N0} actors each, Akka {typeof(ActorSystem).Assembly.GetName().Version}");
foreach (var variant in Variants.All)
{
    var bytes = await Footprint.Measure(variant, count);
    Console.WriteLine($"{bytes,8:N0} B  {variant.Name}");
}
