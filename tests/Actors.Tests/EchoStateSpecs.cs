using Akka.Actor;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class EchoStateSpecs : SessionSpec
{
    [Fact]
    public void Echo_count_grows_with_each_echo_of_the_session()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        var first = Echo(registry, id, "one");
        var second = Call(registry, id, "echo", """{"message":"two","uppercase":true}""");
        var third = Echo(registry, id, "three");

        Assert.Equal($"one\nSession: {id}\nEcho count in session: 1", first.Text);
        Assert.Equal($"TWO\nSession: {id}\nEcho count in session: 2", second.Text);
        Assert.Equal($"three\nSession: {id}\nEcho count in session: 3", third.Text);
        Assert.All([first, second, third], reply => Assert.False(reply.IsError));
    }

    [Fact]
    public void ReplayLastEcho_returns_the_last_echo_with_its_number_and_counts_replays()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        Echo(registry, id, "first");
        Call(registry, id, "echo", """{"message":"Second","uppercase":true}""");

        var replay1 = Call(registry, id, "replayLastEcho");
        var replay2 = Call(registry, id, "replayLastEcho");

        Assert.Equal("🔄 Replaying last echo:\nSECOND\nOriginal echo count: 2\nThis session has replayed 1 messages", replay1.Text);
        Assert.Equal("🔄 Replaying last echo:\nSECOND\nOriginal echo count: 2\nThis session has replayed 2 messages", replay2.Text);
        Assert.False(replay2.IsError);

        Echo(registry, id, "third");
        var replay3 = Call(registry, id, "replayLastEcho");
        Assert.Equal("🔄 Replaying last echo:\nthird\nOriginal echo count: 3\nThis session has replayed 3 messages", replay3.Text);
    }

    [Fact]
    public void ReplayLastEcho_before_any_echo_is_a_tool_error_and_counts_no_replay()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        var replay = Call(registry, id, "replayLastEcho");

        Assert.True(replay.IsError);
        Assert.False(replay.InvalidParams);
        Assert.Equal("No previous echo message found in this session. Use the echo tool first!", replay.Text);
        Assert.Contains("- Replay Count: 0\n", Call(registry, id, "sessionInfo").Text);
    }

    [Fact]
    public void SessionInfo_counts_requests_echoes_and_replays()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);
        Echo(registry, id, "a");
        Echo(registry, id, "b");
        Call(registry, id, "replayLastEcho");
        registry.Tell(new TouchSession(id, "ping"));
        ExpectAnswer<SessionTouched>();

        var info = Call(registry, id, "sessionInfo").Text;

        // initialize + 2 echoes + replay + ping + this sessionInfo
        Assert.Contains("- Total Requests: 6\n", info);
        Assert.Contains("- Echo Count: 2\n", info);
        Assert.Contains("- Replay Count: 1\n", info);
        Assert.Contains($"- Session ID: {id}\n", info);
        Assert.Contains("- Protocol Version: 2025-06-18\n", info);
        Assert.Contains("- Client: spec-client v1.2.3\n", info);
        Assert.Contains("- Message Queue: 0 pending\n", info);
    }

    [Fact]
    public void Two_sessions_never_share_state()
    {
        var registry = NewRegistry();
        var alice = StartSession(registry);
        var bob = StartSession(registry);

        Echo(registry, alice, "from alice");
        Echo(registry, alice, "alice again");
        var bobReplay = Call(registry, bob, "replayLastEcho");
        var bobEcho = Echo(registry, bob, "from bob");
        var aliceReplay = Call(registry, alice, "replayLastEcho");

        Assert.True(bobReplay.IsError);
        Assert.Equal($"from bob\nSession: {bob}\nEcho count in session: 1", bobEcho.Text);
        Assert.Equal("🔄 Replaying last echo:\nalice again\nOriginal echo count: 2\nThis session has replayed 1 messages", aliceReplay.Text);
        var bobInfo = Call(registry, bob, "sessionInfo").Text;
        Assert.Contains("- Echo Count: 1\n", bobInfo);
        Assert.Contains("- Replay Count: 0\n", bobInfo);
        Assert.Contains("- Echo Count: 2\n", Call(registry, alice, "sessionInfo").Text);
    }

    [Fact]
    public void An_unknown_tool_is_invalid_params_and_leaves_the_echo_state_alone()
    {
        var registry = NewRegistry();
        var id = StartSession(registry);

        var reply = Call(registry, id, "nope");

        Assert.True(reply.IsError);
        Assert.True(reply.InvalidParams);
        Assert.Equal("Unknown tool: nope", reply.Text);
        Assert.Contains("Echo count in session: 1", Echo(registry, id, "x").Text);
    }

    [Theory]
    [InlineData(ProtocolVersions.V20250618, true)]
    [InlineData(ProtocolVersions.V20241105, true)]
    [InlineData(ProtocolVersions.V20251125, false)]
    public void Invalid_arguments_are_a_protocol_error_only_before_2025_11_25(string version, bool asProtocolError)
    {
        var registry = NewRegistry();
        var id = StartSession(registry, version);

        var reply = Call(registry, id, "echo", """{"message":42}""");

        Assert.True(reply.IsError);
        Assert.Equal(asProtocolError, reply.InvalidParams);
        Assert.Equal("Argument 'message' of tool 'echo' must be a string, got number.", reply.Text);
        Assert.Contains("- Echo Count: 0\n", Call(registry, id, SessionInfoTool.Definition.Name).Text);
    }
}
