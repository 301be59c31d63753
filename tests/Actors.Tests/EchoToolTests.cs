using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class EchoToolTests
{
    [Fact]
    public void Echo_counts_and_remembers_the_uppercased_message()
    {
        var context = TestRequests.Context(TestRequests.Session(), """{"message":"Hello","uppercase":true}""");

        var result = ToolInvoker.Invoke(EchoTool.Definition, context);

        Assert.Equal("HELLO\nSession: s-1\nEcho count in session: 1", result.Text);
        Assert.Equal("HELLO", result.Session.LastEcho);
        Assert.False(result.IsError);
    }

    [Theory]
    [InlineData("""{"message":"Hello, stateful world!"}""")]
    [InlineData("""{"message":"Hello, stateful world!","uppercase":false}""")]
    public void Echo_keeps_the_message_as_sent_unless_uppercase_is_true(string arguments)
    {
        var result = ToolInvoker.Invoke(EchoTool.Definition, TestRequests.Context(TestRequests.Session(), arguments));

        Assert.Equal("Hello, stateful world!\nSession: s-1\nEcho count in session: 1", result.Text);
        Assert.Equal("Hello, stateful world!", result.Session.LastEcho);
    }

    [Fact]
    public void Echo_continues_the_session_count_and_numbers_the_last_echo()
    {
        var session = TestRequests.Session() with { EchoCount = 4, LastEcho = "old", LastEchoNumber = 4, ReplayCount = 2 };

        var result = EchoTool.Run(TestRequests.Context(session, """{"message":"new"}"""));

        Assert.Equal("new\nSession: s-1\nEcho count in session: 5", result.Text);
        Assert.Equal(5, result.Session.EchoCount);
        Assert.Equal(5, result.Session.LastEchoNumber);
        Assert.Equal("new", result.Session.LastEcho);
        Assert.Equal(2, result.Session.ReplayCount);
        Assert.Equal(session.RequestCount, result.Session.RequestCount);
    }

    [Fact]
    public void Echo_keeps_an_empty_or_multiline_message_verbatim()
    {
        var empty = EchoTool.Run(TestRequests.Context(TestRequests.Session(), """{"message":""}"""));
        var multiline = EchoTool.Run(TestRequests.Context(TestRequests.Session(), """{"message":"a\nb 🙂"}"""));

        Assert.Equal("\nSession: s-1\nEcho count in session: 1", empty.Text);
        Assert.Equal("", empty.Session.LastEcho);
        Assert.Equal("a\nb 🙂\nSession: s-1\nEcho count in session: 1", multiline.Text);
    }
}
