using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class ReplayLastEchoToolTests
{
    [Fact]
    public void Without_an_echo_it_is_a_tool_error_that_changes_nothing()
    {
        var session = TestRequests.Session();

        var result = ReplayLastEchoTool.Run(TestRequests.Context(session));

        Assert.True(result.IsError);
        Assert.False(result.InvalidArguments);
        Assert.Equal("No previous echo message found in this session. Use the echo tool first!", result.Text);
        Assert.Equal(session, result.Session);
    }

    [Fact]
    public void Replays_the_last_echo_with_its_number_and_counts_the_replay()
    {
        var session = TestRequests.Session() with { EchoCount = 4, LastEcho = "HELLO", LastEchoNumber = 4, ReplayCount = 1 };

        var result = ReplayLastEchoTool.Run(TestRequests.Context(session));

        Assert.False(result.IsError);
        Assert.Equal("🔄 Replaying last echo:\nHELLO\nOriginal echo count: 4\nThis session has replayed 2 messages", result.Text);
        Assert.Equal(2, result.Session.ReplayCount);
        Assert.Equal(4, result.Session.EchoCount);
    }

    [Fact]
    public void An_empty_echo_is_still_replayable()
    {
        var session = TestRequests.Session() with { EchoCount = 1, LastEcho = "", LastEchoNumber = 1 };

        var result = ReplayLastEchoTool.Run(TestRequests.Context(session));

        Assert.False(result.IsError);
        Assert.Equal("🔄 Replaying last echo:\n\nOriginal echo count: 1\nThis session has replayed 1 messages", result.Text);
    }

    [Fact]
    public void Takes_no_arguments()
    {
        var result = ToolInvoker.Invoke(ReplayLastEchoTool.Definition, TestRequests.Context(TestRequests.Session(), """{"x":1}"""));

        Assert.True(result.InvalidArguments);
        Assert.Equal("Unknown argument 'x' for tool 'replayLastEcho'. Allowed arguments: none.", result.Text);
    }
}
