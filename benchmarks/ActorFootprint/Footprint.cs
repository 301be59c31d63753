using Akka.Actor;

namespace AkkaMcpEcho.Benchmarks.ActorFootprint;

public static class Footprint
{
    /// <summary>Bytes of live heap per actor: a fresh actor system, N actors made to answer once, full GC before and after.</summary>
    public static async Task<long> Measure(Variant variant, int count)
    {
        using var system = ActorSystem.Create("footprint", "akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING");
        var warm = await variant.Create(system, 100);
        var before = Live();
        var held = await variant.Create(system, count);
        var after = Live();
        GC.KeepAlive(warm);
        GC.KeepAlive(held);
        await system.Terminate();
        return (after - before) / count;
    }

    private static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
