using System.Globalization;

namespace AkkaMcpEcho.Tests.Support;

/// <summary>A session driven with raw JSON-RPC over HTTP, for tests that need exact control of what goes on the wire.</summary>
public sealed class RawSession(RawMcpClient client, string id)
{
    public string Id { get; } = id;
    public RawMcpClient Client { get; } = client;

    public static async Task<RawSession> Start(RawMcpClient client, string protocolVersion = "2025-06-18") =>
        new(client, await client.Initialize(protocolVersion));

    /// <summary>Posts <paramref name="json"/> with this session's id.</summary>
    public Task<RpcResponse> Post(string json, string accept = RawMcpClient.BothTypes) => RpcResponse.Read(Client.Post(json, Id, accept));

    public Task<RpcResponse> Request(string method, string? paramsJson = null) => Client.Request(Id, method, paramsJson);

    public Task<RpcResponse> CallTool(string tool, string argumentsJson = "{}") => Client.CallTool(Id, tool, argumentsJson);

    /// <summary>Calls echo and returns the echo count the server reports; asserts the echoed text and session.</summary>
    public async Task<int> Echo(string message)
    {
        var text = (await Client.Echo(Id, message)).AssertEcho(message);
        var lines = text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(message, lines[0]);
        Assert.Equal($"Session: {Id}", lines[1]);
        Assert.StartsWith("Echo count in session: ", lines[2]);
        return int.Parse(lines[2]["Echo count in session: ".Length..], CultureInfo.InvariantCulture);
    }

    /// <summary>Calls replayLastEcho; returns the replayed message and the echo number it had.</summary>
    public async Task<(string Message, int EchoNumber)> Replay()
    {
        var (text, isError) = (await CallTool("replayLastEcho")).AssertToolResult();
        Assert.False(isError, text);
        var lines = text.Split('\n');
        Assert.Equal("🔄 Replaying last echo:", lines[0]);
        var number = Assert.Single(lines, l => l.StartsWith("Original echo count: ", StringComparison.Ordinal));
        return (lines[1], int.Parse(number["Original echo count: ".Length..], CultureInfo.InvariantCulture));
    }

    /// <summary>The sessionInfo tool's metrics, e.g. "Echo Count" -> "3".</summary>
    public async Task<IReadOnlyDictionary<string, string>> Info()
    {
        var (text, isError) = (await CallTool("sessionInfo")).AssertToolResult();
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

    public Task<RpcResponse> Delete() => RpcResponse.Read(Client.Delete(Id));
}
