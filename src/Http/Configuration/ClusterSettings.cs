using System.Net;
using AkkaMcpEcho.Actors.Sharding;
using static AkkaMcpEcho.Http.Configuration.SettingParsers;
using Row = AkkaMcpEcho.Http.Configuration.SettingsTable;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>Cluster mode's settings; off by default: a single node with no remoting.</summary>
public sealed record ClusterSettings(bool Enabled, ClusterSessionOptions Options)
{
    public const string SeedPrefix = "akka.tcp://" + EchoServer.ActorSystemName + "@";

    internal static ClusterSettings From(SettingsReader read, int httpPort, TimeSpan askTimeout)
    {
        var enabled = read.Get(Row.ClusterEnabled);
        var seeds = read.Get(Row.ClusterSeeds);
        var discovery = new ClusterDiscovery(read.Get(Row.ClusterDiscovery), read.Get(Row.ManagementPort),
            [.. read.Get(Row.DiscoveryConfigEndpoints)], read.Get(Row.DiscoveryPodLabelSelector), read.Get(Row.DiscoveryRequiredContactPoints));
        if (enabled && discovery.Method != DiscoveryMethod.None && seeds.Length > 0)
        {
            read.Problems.Add($"{Row.ClusterSeeds.Key} and {Row.ClusterDiscovery.Key}={Show(discovery.Method)} exclude each other: "
                + "a node either joins the seed nodes or finds the others through discovery");
        }
        if (enabled && discovery.Method == DiscoveryMethod.Config && discovery.ConfigEndpoints.IsEmpty)
        {
            read.Problems.Add($"{Row.ClusterDiscovery.Key}=config needs {Row.DiscoveryConfigEndpoints.Key}: every node's management "
                + "endpoint, comma-separated HOST:PORT");
        }
        var hostname = read.Get(Row.RemoteHostname);
        if (enabled && discovery.Method != DiscoveryMethod.None)
        {
            if (!IPAddress.TryParse(hostname, out _) && !hostname.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                read.Problems.Add($"{Row.RemoteHostname.Key}={hostname}: with discovery the management endpoint binds there too, so it "
                    + "must be an IP address (0.0.0.0 for every interface) or localhost");
            }
            if (discovery.ManagementPort == httpPort)
            {
                read.Problems.Add($"{Row.ManagementPort.Key}={discovery.ManagementPort}: the management endpoint needs a port of its own, "
                    + $"not {Row.Port.Key}'s");
            }
        }
        var options = new ClusterSessionOptions(hostname, read.Get(Row.RemotePort), read.Get(Row.RemotePublicHostname),
            [.. seeds], askTimeout)
        { Discovery = discovery };
        return new ClusterSettings(enabled, options);
    }

    internal static DiscoveryMethod Method(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "none" => DiscoveryMethod.None,
        "config" => DiscoveryMethod.Config,
        "kubernetes" => DiscoveryMethod.Kubernetes,
        _ => throw new FormatException("expected none, config or kubernetes"),
    };

    internal static string Show(DiscoveryMethod method) => method.ToString().ToLowerInvariant();

    internal static string[] Seeds(string raw)
    {
        var seeds = List(raw);
        var bad = seeds.Where(s => !s.StartsWith(SeedPrefix, StringComparison.Ordinal) || !Uri.TryCreate(s, UriKind.Absolute, out _));
        return bad.FirstOrDefault() is { } seed
            ? throw new FormatException($"'{seed}' is not of the form {SeedPrefix}HOST:PORT")
            : seeds;
    }

    /// <summary>
    /// HOST:PORT entries, as config discovery hands them to cluster bootstrap. It splits each at every colon, so a host is a
    /// name or an IPv4 address.
    /// </summary>
    internal static string[] Endpoints(string raw)
    {
        var endpoints = List(raw);
        return endpoints.FirstOrDefault(e => !IsEndpoint(e)) is { } bad
            ? throw new FormatException($"'{bad}' is not of the form HOST:PORT (HOST a name or an IPv4 address)")
            : endpoints;
    }

    private static bool IsEndpoint(string entry) =>
        entry.Split(':') is [var host, var port]
        && Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4
        && int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
        && number is > 0 and <= 65535;
}
