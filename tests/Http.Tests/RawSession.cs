namespace AkkaMcpEcho.Http.Tests;

/// <summary>A session driven with raw JSON-RPC over HTTP, for tests that need exact control of what goes on the wire.</summary>
public sealed class RawSession(EchoServerHost server, string id)
{
    private int _nextId = 100;

    public string Id { get; } = id;
    public EchoServerHost Server { get; } = server;

    public static async Task<RawSession> Start(EchoServerHost server, string protocolVersion = "2025-06-18") =>
        new(server, await server.Initialize(protocolVersion));

    /// <summary>Posts <paramref name="json"/> with this session's id.</summary>
    public Task<RpcResponse> Post(string json, string accept = "application/json, text/event-stream") =>
        RpcResponse.Read(Server.Post(json, Id, accept));

    public async Task<RpcResponse> Request(string method, string? paramsJson = null)
    {
        var requestId = Interlocked.Increment(ref _nextId);
        var parameters = paramsJson is null ? "" : $",\"params\":{paramsJson}";
        var response = await Post($$"""{"jsonrpc":"2.0","id":{{requestId}},"method":"{{method}}"{{parameters}}}""");
        return response with { SentIdJson = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    public async Task<RpcResponse> CallTool(string tool, string argumentsJson = "{}")
    {
        var name = Requests.Json(tool);
        return await Request("tools/call", $$"""{"name":{{name}},"arguments":{{argumentsJson}}}""");
    }

    /// <summary>Calls echo and returns the echo count the server reports; asserts the echoed text and session.</summary>
    public async Task<int> Echo(string message)
    {
        var response = await CallTool("echo", $$"""{"message":{{Requests.Json(message)}}}""");
        var (text, isError) = response.AssertToolResult();
        Assert.False(isError, text);
        var lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(message, lines[0]);
        Assert.Equal($"Session: {Id}", lines[1]);
        Assert.StartsWith("Echo count in session: ", lines[2]);
        return int.Parse(lines[2]["Echo count in session: ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Calls replayLastEcho; returns the replayed message and the echo number it had.</summary>
    public async Task<(string Message, int EchoNumber)> Replay()
    {
        var response = await CallTool("replayLastEcho");
        var (text, isError) = response.AssertToolResult();
        Assert.False(isError, text);
        var lines = text.Split('\n');
        Assert.Equal("🔄 Replaying last echo:", lines[0]);
        var number = Assert.Single(lines, l => l.StartsWith("Original echo count: ", StringComparison.Ordinal));
        return (lines[1], int.Parse(number["Original echo count: ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The sessionInfo tool's metrics, e.g. "Echo Count" -> "3".</summary>
    public async Task<IReadOnlyDictionary<string, string>> Info()
    {
        var response = await CallTool("sessionInfo");
        var (text, isError) = response.AssertToolResult();
        Assert.False(isError, text);
        return SessionInfoText.Parse(text);
    }

    /// <summary>
    /// Asserts the session lost nothing: one more echo counts on from <paramref name="echoesSoFar"/>, and replay
    /// returns it.
    /// </summary>
    public async Task AssertIntact(int echoesSoFar)
    {
        var message = $"still here {echoesSoFar + 1}";
        Assert.Equal(echoesSoFar + 1, await Echo(message));
        Assert.Equal((message, echoesSoFar + 1), await Replay());
    }

    public Task<RpcResponse> Delete() => RpcResponse.Read(Server.Delete(Id));
}
