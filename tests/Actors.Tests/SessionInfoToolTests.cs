using AkkaMcpEcho.Actors.Sessions;
using AkkaMcpEcho.Messages.Sessions;
using AkkaMcpEcho.Protocol.Tools;

namespace AkkaMcpEcho.Actors.Tests;

public sealed class SessionInfoToolTests
{
    private static readonly long Created = TestRequests.Now.UtcTicks - TimeSpan.FromSeconds(330).Ticks;

    [Fact]
    public void Shows_the_session_details_metrics_and_state()
    {
        var touched = SessionState.Start(new StartSession("s-1", "2025-06-18", new ClientInfo("probe", "1.0"), Created))
            .Touched(Created + TimeSpan.FromMinutes(1).Ticks)
            .Touched(TestRequests.Now.UtcTicks);
        var session = touched with { EchoCount = 5, ReplayCount = 2 };

        var result = SessionInfoTool.Run(TestRequests.Context(session, pendingEvents: 3));

        Assert.False(result.IsError);
        Assert.Equal(session, result.Session);
        Assert.Equal(
            "📊 Session Information\n\n"
            + "🔑 Session Details:\n"
            + "- Session ID: s-1\n"
            + "- Created: 2026-01-02 02:58:35 UTC\n"
            + "- Last Activity: 2026-01-02 02:59:35 UTC\n"
            + "- Age: 5m 30s\n"
            + "- Time Until Expiry: 1h 0m 0s\n\n"
            + "📈 Session Metrics:\n"
            + "- Total Requests: 3\n"
            + "- Echo Count: 5\n"
            + "- Replay Count: 2\n"
            + "- Message Queue: 3 pending\n\n"
            + "🧠 Session State:\n"
            + "- Initialized: ✅\n"
            + "- Protocol Version: 2025-06-18\n"
            + "- Client: probe v1.0\n"
            + "- Era: 2025 protocol session\n"
            + "- State From: session (the Mcp-Session-Id header)",
            result.Text);
    }

    [Theory]
    [InlineData(null, null, "unknown")]
    [InlineData("probe", null, "probe vunknown")]
    [InlineData(null, "2.0", "unknown v2.0")]
    public void Names_a_client_that_did_not_say_who_it_is(string? name, string? version, string expected)
    {
        var session = TestRequests.Session(client: new ClientInfo(name, version));

        var text = SessionInfoTool.Run(TestRequests.Context(session)).Text;

        Assert.Contains($"- Client: {expected}\n", text);
    }

    [Fact]
    public void Takes_no_arguments()
    {
        var result = ToolInvoker.Invoke(SessionInfoTool.Definition, TestRequests.Context(TestRequests.Session(), """{"verbose":true}"""));

        Assert.True(result.InvalidArguments);
    }
}
