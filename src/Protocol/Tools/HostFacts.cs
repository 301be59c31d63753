using System.Collections.Immutable;

namespace AkkaMcpEcho.Protocol.Tools;

/// <summary>Measurements of the server process, taken just before a tool runs. Zero means "not measured".</summary>
public sealed record ProcessFacts(
    TimeSpan CpuTime,
    long StartedUtcTicks,
    long WorkingSetBytes,
    long ManagedHeapBytes,
    long AvailableMemoryBytes,
    int ProcessorCount)
{
    public static ProcessFacts Unmeasured { get; } = new(TimeSpan.Zero, 0, 0, 0, 0, 0);
}

/// <summary>
/// One configuration entry as environmentDump lists it (the raw value; the tool masks what is not known safe).
/// <paramref name="Safe"/>: a setting whose value the server knows carries no secret; every other value is masked,
/// because guessing secrets from their names always misses one.
/// </summary>
public sealed record ConfigEntry(string Name, string Value, bool Safe = false);

/// <summary>The seed's feature flags that are not part of <see cref="ServerProfile"/>.</summary>
public sealed record FeatureFlags(bool Binary, bool Compression)
{
    public static FeatureFlags Off { get; } = new(false, false);
}

/// <summary>
/// The server's configuration as tools may show it: the effective value of every setting the server reads, the other
/// MCP_/ECHO_ variables that are present, the feature flags and the CORS policy. Fixed for the life of the server.
/// </summary>
public sealed record ConfigurationFacts(
    ImmutableArray<ConfigEntry> Settings,
    ImmutableArray<ConfigEntry> OtherVariables,
    FeatureFlags Flags,
    CorsPolicyFacts Cors)
{
    public static ConfigurationFacts Empty { get; } = new([], [], FeatureFlags.Off, CorsPolicyFacts.Disabled);

    private static readonly string[] ShownPrefixes = ["MCP_", "ECHO_"];

    /// <param name="settings">The settings the server knows (it reads them, or knows them harmless), with their values, in display order.</param>
    /// <param name="configuration">All configuration keys and values (environment, command line, files).</param>
    public static ConfigurationFacts From(
        IEnumerable<ConfigEntry> settings,
        IEnumerable<KeyValuePair<string, string?>> configuration,
        FeatureFlags flags,
        CorsPolicyFacts cors)
    {
        var known = settings.ToImmutableArray();
        var names = known.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = configuration
            .Where(pair => pair.Value is not null && !pair.Key.Contains(':') && !names.Contains(pair.Key)
                && ShownPrefixes.Any(prefix => pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .DistinctBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ConfigEntry(pair.Key, pair.Value!))
            .ToImmutableArray();
        return new ConfigurationFacts(known, others, flags, cors);
    }
}

/// <summary>What a tool may know about the host: the process's measurements and the server's configuration.</summary>
public sealed record HostFacts(ProcessFacts Process, ConfigurationFacts Configuration)
{
    public static HostFacts Unavailable { get; } = new(ProcessFacts.Unmeasured, ConfigurationFacts.Empty);
}
