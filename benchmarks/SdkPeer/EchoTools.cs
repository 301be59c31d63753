using System.ComponentModel;
using ModelContextProtocol.Server;

namespace AkkaMcpEcho.Benchmarks.SdkPeer;

[McpServerToolType]
public sealed class EchoTools
{
    [McpServerTool(Name = "echo"), Description("Echo back the provided message")]
    public static string Echo([Description("The message to echo back")] string message) => message;
}
