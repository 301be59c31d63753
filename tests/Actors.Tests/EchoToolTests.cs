using System.Collections.Immutable;
using System.Text.Json;
using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Actors.Tools;
using AkkaMcpEcho.Messages;
using AkkaMcpEcho.Messages.Sessions;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class EchoToolTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Echo_counts_and_remembers_the_uppercased_message()
    {
        var session = SessionState.Start(new StartSession("s-1", "2025-06-18", new ClientInfo("t", "1"), Now.UtcTicks));
        var context = new ToolContext(session,
            new RequestFacts("POST", "/mcp", null, Now.UtcTicks, ImmutableArray<HeaderField>.Empty),
            JsonElement.Parse("""{"message":"Hello","uppercase":true}"""), ServerProfile.Default, Now);

        var result = ToolInvoker.Invoke(EchoTool.Definition, context);

        Assert.Equal("HELLO\nSession: s-1\nEcho count in session: 1", result.Text);
        Assert.Equal("HELLO", result.Session.LastEcho);
        Assert.False(result.IsError);
    }
}
