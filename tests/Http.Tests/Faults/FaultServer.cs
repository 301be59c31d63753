using System.Text.Json;

namespace AkkaMcpEcho.Http.Tests.Faults;

/// <summary>A server that lists injectFault (MCP_FAULTS_TOOL), for the tests of faults.</summary>
public sealed class FaultServer() : ServerFixture(("MCP_FAULTS_TOOL", "true"));

/// <summary>Requests the fault tests send: raw, with an Echo-Fault header, in either generation.</summary>
public static class FaultRequests
{
    public const string Meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}";

    /// <summary>A POST on a 2025 session (2025-06-18 headers) with the fault in its Echo-Fault header (none when null).</summary>
    public static async Task<RpcResponse> Post(RawMcpClient client, string json, string? session, string? fault, string version = "2025-06-18") =>
        await RpcResponse.Read(await client.Http.SendAsync(RawMcpClient.CreatePost(json, session, headers: Headers(fault, session is null ? null : version))),
            injected500: fault == "status=500");

    public static (string, string)[] Headers(string? fault, string? version) =>
        [.. fault is null ? [] : new[] { ("Echo-Fault", fault) }, .. version is null ? [] : new[] { ("MCP-Protocol-Version", version) }];

    /// <summary>A 2026-07-28 tools/call with its routing headers; <paramref name="handle"/> goes in the session argument.</summary>
    public static HttpRequestMessage Modern(string tool, string argumentsJson = "{}", string? handle = null, string? fault = null, long id = 7,
        string? progressToken = null)
    {
        var arguments = handle is null ? argumentsJson : argumentsJson.TrimEnd('}') + (argumentsJson.Trim() == "{}" ? "" : ",")
            + "\"session\":" + Requests.Json(handle) + "}";
        var meta = progressToken is null ? Meta : Meta.TrimEnd('}') + ",\"progressToken\":" + Requests.Json(progressToken) + "}";
        var body = Requests.Request(id, "tools/call", "{\"name\":" + Requests.Json(tool) + ",\"arguments\":" + arguments + "," + meta + "}");
        (string, string)[] headers = [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/call"), ("Mcp-Name", tool),
            .. handle is null ? [] : new[] { ("Mcp-Param-Session", handle) }, .. fault is null ? [] : new[] { ("Echo-Fault", fault) }];
        return RawMcpClient.CreatePost(body, headers: headers);
    }

    /// <summary>A 2026-07-28 tools/list.</summary>
    public static HttpRequestMessage ModernList(string? fault = null) =>
        RawMcpClient.CreatePost(Requests.Request(7, "tools/list", "{" + Meta + "}"), headers:
            [("MCP-Protocol-Version", "2026-07-28"), ("Mcp-Method", "tools/list"), .. fault is null ? [] : new[] { ("Echo-Fault", fault) }]);

    /// <summary>Mints a 2026-07-28 handle with echo and returns it.</summary>
    public static async Task<string> MintHandle(RawMcpClient client)
    {
        var minted = await RpcResponse.Read(client.Http.SendAsync(Modern("echo", """{"message":"mint"}""", handle: "new")));
        return minted.AssertResult("7").GetProperty("structuredContent").GetProperty("session").GetString()!;
    }

    /// <summary>The text of a tools/call result.</summary>
    public static string ToolText(JsonElement result) => result.GetProperty("content")[0].GetProperty("text").GetString()!;
}
