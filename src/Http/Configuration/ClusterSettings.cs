using System.Collections.Immutable;
using System.Globalization;
using AkkaMcpEcho.Actors.Sharding;

namespace AkkaMcpEcho.Http.Configuration;

/// <summary>
/// Cluster mode, read from .NET configuration like <see cref="EchoSettings"/> (environment, appsettings.json or
/// <c>--AKKA_CLUSTER_ENABLED=true</c> on the command line). Off by default: a single node with no remoting.
/// </summary>
public sealed record ClusterSettings(bool Enabled, ClusterSessionOptions Options)
{
    public const string SeedPrefix = "akka.tcp://" + EchoServer.ActorSystemName + "@";

    public static ClusterSettings From(IConfiguration config, TimeSpan askTimeout)
    {
        var problems = new List<string>();
        var enabled = config["AKKA_CLUSTER_ENABLED"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" or "0" or "no" or "off" => false,
            "true" or "1" or "yes" or "on" => true,
            var raw => Problem(problems, $"AKKA_CLUSTER_ENABLED={raw}: expected true/false, 1/0, yes/no or on/off"),
        };
        var seeds = (config["AKKA_CLUSTER_SEEDS"] ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToImmutableArray();
        foreach (var seed in seeds.Where(s => !s.StartsWith(SeedPrefix, StringComparison.Ordinal) || !Uri.TryCreate(s, UriKind.Absolute, out _)))
        {
            problems.Add($"AKKA_CLUSTER_SEEDS: '{seed}' is not of the form {SeedPrefix}HOST:PORT");
        }
        var port = config["AKKA_REMOTE_PORT"] is { Length: > 0 } rawPort ? rawPort.Trim() : "4053";
        if (!int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remotePort) || remotePort is < 0 or > 65535)
        {
            problems.Add($"AKKA_REMOTE_PORT={port}: expected a whole number from 0 to 65535");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Invalid cluster configuration:\n  " + string.Join("\n  ", problems));
        }
        var options = new ClusterSessionOptions(
            config["AKKA_REMOTE_HOSTNAME"] is { Length: > 0 } host ? host.Trim() : "127.0.0.1",
            remotePort,
            config["AKKA_REMOTE_PUBLIC_HOSTNAME"] is { Length: > 0 } publicHost ? publicHost.Trim() : null,
            seeds,
            askTimeout);
        return new ClusterSettings(enabled, options);
    }

    private static bool Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return false;
    }
}
