namespace AkkaMcpEcho.Benchmarks.LoadGen.Servers;

/// <summary>How each server under test is started.</summary>
public static class ServerLaunch
{
    public const string Ours = "AkkaMcpEcho";
    public const string Peer = "SDK peer, stateful";
    public const string StatelessPeer = "SDK peer, stateless";
    public const string Bare = "bare Kestrel";

    /// <param name="settings">More settings as <c>--NAME=VALUE</c> arguments (they win over the environment).</param>
    public static Task<ServerProcess> StartOurs(string dll, int maxSessions = 200_000, IReadOnlyDictionary<string, string>? environment = null,
        string name = Ours, IEnumerable<string>? settings = null) =>
        ServerProcess.Start(name, dll, port =>
        [
            "--MCP_ECHO_HOST=127.0.0.1", $"--MCP_ECHO_PORT={port}", $"--MCP_MAX_SESSIONS={maxSessions}", "--ECHO_LOG_LEVEL=WARNING",
            .. settings ?? [],
        ], environment);

    /// <summary>One AkkaMcpEcho cluster node: remoting on <paramref name="remotePort"/>, joining through <paramref name="seeds"/>.</summary>
    public static Task<ServerProcess> StartClusterNode(string dll, int node, int remotePort, string seeds,
        IReadOnlyDictionary<string, string>? environment = null) =>
        ServerProcess.Start($"{Ours} node {node}", dll, port =>
        [
            "--MCP_ECHO_HOST=127.0.0.1", $"--MCP_ECHO_PORT={port}", "--MCP_MAX_SESSIONS=200000", "--ECHO_LOG_LEVEL=WARNING",
            "--AKKA_CLUSTER_ENABLED=true", "--AKKA_REMOTE_HOSTNAME=127.0.0.1", $"--AKKA_REMOTE_PORT={remotePort}",
            $"--AKKA_CLUSTER_SEEDS={seeds}",
        ], environment);

    /// <summary>The SDK peer in stateful mode (2025 sessions), or in stateless mode (2026-07-28 requests).</summary>
    public static Task<ServerProcess> StartPeer(string dll, bool stateless = false) => stateless
        ? ServerProcess.Start(StatelessPeer, dll, port => [$"--port={port}", "--mode=stateless"])
        : ServerProcess.Start(Peer, dll, port => [$"--port={port}", "--mode=stateful", "--max-idle-sessions=200000"]);

    public static Task<ServerProcess> StartBare(string dll) =>
        ServerProcess.Start(Bare, dll, port => [$"--port={port}"]);
}
