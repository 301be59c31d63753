using System.Net;

namespace AkkaMcpEcho.Benchmarks.LoadGen.Runs;

/// <summary>A server under load: its name, its loopback endpoint, and its process id when this machine runs it.</summary>
public sealed record Target(string Name, IPEndPoint Endpoint, int? Pid);
