using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class ToolInvokerTests
{
    private static readonly ToolDefinition Failing = new(
        "boom",
        "A tool that throws",
        [],
        _ => throw new InvalidOperationException("kaput"));

    [Fact]
    public void Invalid_arguments_never_reach_the_tool_and_leave_the_session_alone()
    {
        var session = TestRequests.Session();

        var result = ToolInvoker.Invoke(EchoTool.Definition, TestRequests.Context(session, """{"message":1}"""));

        Assert.True(result.IsError);
        Assert.True(result.InvalidArguments);
        Assert.Same(session, result.Session);
        Assert.Equal(0, result.Session.EchoCount);
    }

    [Fact]
    public void A_tool_that_throws_becomes_a_tool_error_with_the_state_unchanged()
    {
        var session = TestRequests.Session();

        var result = ToolInvoker.Invoke(Failing, TestRequests.Context(session));

        Assert.True(result.IsError);
        Assert.False(result.InvalidArguments);
        Assert.Equal("Tool 'boom' failed: InvalidOperationException: kaput", result.Text);
        Assert.Same(session, result.Session);
    }

    [Fact]
    public void The_catalog_lists_the_tools_in_order_and_finds_them_by_exact_name()
    {
        Assert.Equal(
            ["echo", "replayLastEcho", "printHeader", "bearerDecode", "authContext", "requestTiming", "corsAnalysis",
                "environmentDump", "healthProbe", "sessionInfo", "whoIStheGOAT"],
            ToolCatalog.All.Select(t => t.Name));
        Assert.Same(EchoTool.Definition, ToolCatalog.Find("echo"));
        Assert.Null(ToolCatalog.Find("Echo"));
        Assert.Null(ToolCatalog.Find(""));
    }
}
