using System.Diagnostics;
using Akka.Actor;
using Akka.DependencyInjection;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Hosting;

/// <summary>
/// Takes the process measurements and holds the configuration facts, outside the tools, so tools stay pure.
/// The server registers one in its service container; an actor system without one (plain TestKit) gets one that
/// knows the process environment only.
/// </summary>
public sealed class HostFactsSource(ConfigurationFacts configuration) : IExtension
{
    private readonly long _startedUtcTicks = ProcessStartUtcTicks();

    public ConfigurationFacts Configuration { get; } = configuration;

    public HostFacts Capture()
    {
        var memory = GC.GetGCMemoryInfo();
        var process = new ProcessFacts(
            Environment.CpuUsage.TotalTime,
            _startedUtcTicks,
            Environment.WorkingSet,
            GC.GetTotalMemory(forceFullCollection: false),
            memory.TotalAvailableMemoryBytes,
            Environment.ProcessorCount);
        return new HostFacts(process, Configuration);
    }

    public static HostFactsSource For(ActorSystem system) => system.WithExtension<HostFactsSource, HostFactsSourceId>();

    private static long ProcessStartUtcTicks()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime().Ticks;
    }

    private sealed class HostFactsSourceId : ExtensionIdProvider<HostFactsSource>
    {
        public override HostFactsSource CreateExtension(ExtendedActorSystem system)
        {
            var setup = system.Settings.Setup.Get<DependencyResolverSetup>();
            if (setup.HasValue && setup.Value.DependencyResolver.GetService<HostFactsSource>() is { } registered)
            {
                return registered;
            }
            var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => new KeyValuePair<string, string?>((string)e.Key, e.Value as string));
            return new HostFactsSource(ConfigurationFacts.From([], environment, FeatureFlags.Off, CorsPolicyFacts.Disabled));
        }
    }
}
