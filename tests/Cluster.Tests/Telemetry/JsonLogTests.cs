using System.Text.Json;

namespace AkkaMcpEcho.Cluster.Tests.Telemetry;

/// <summary>MCP_LOG_FORMAT=json: one JSON object a line, with the session, the JSON-RPC method and request id in scope.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Request_lines_carry_the_session_and_request_id_in_their_scope()
    {
        await using var node = await ProcessNode.Start(null, new Dictionary<string, string>
        {
            ["MCP_LOG_FORMAT"] = "json",
            ["ECHO_LOG_LEVEL"] = "DEBUG",
        });
        var session = await node.Mcp.Initialize();
        await RpcResponse.Read(node.Mcp.Post(Requests.Echo(42, "logged"), session));

        var line = await Eventually.Until(() => Task.FromResult(node.Output.FirstOrDefault(l => l.Contains("tools/call") && l.Contains("\"McpRequestId\":\"42\""))),
            found => found is not null, TimeSpan.FromSeconds(20), "the request's log line");
        var entry = JsonElement.Parse(line!);
        Assert.Equal("Debug", entry.GetProperty("LogLevel").GetString());
        var scope = entry.GetProperty("Scopes").EnumerateArray().Single(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("McpSessionId", out _));
        Assert.Equal(session, scope.GetProperty("McpSessionId").GetString());
        Assert.Equal("tools/call", scope.GetProperty("McpMethod").GetString());
        Assert.Equal("42", scope.GetProperty("McpRequestId").GetString());
        Assert.All(node.Output.Where(l => l.StartsWith('{')), l => JsonElement.Parse(l));
    }
}
