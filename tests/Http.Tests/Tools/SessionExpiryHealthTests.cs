using System.Diagnostics;

namespace AkkaMcpEcho.Http.Tests.Tools;

public sealed class SessionExpiryHealthTests
{
    [Fact]
    public async Task HealthProbe_counts_an_expired_session_as_a_cleanup()
    {
        await using var server = await EchoServerHost.Start(new Dictionary<string, string?> { ["MCP_SESSION_TIMEOUT"] = "1" });
        await server.Initialize();

        var deadline = Stopwatch.StartNew();
        string text;
        do
        {
            await Task.Delay(250);
            // A fresh session each round: a probing session would itself expire between probes.
            await using var client = await SdkClient.Connect(server);
            text = (await client.Call("healthProbe")).Text();
        }
        while (!text.Contains("- Sessions Expired: 1\n") && deadline.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains("- Sessions Expired: 1\n", text);
        Assert.Contains("- Cleanup Run Count: 1\n", text);
        Assert.Matches(@"- Last Cleanup: \d+s ago\n", text);
        Assert.Matches(@"- Average Session Lifetime: \d+s\n", text);
    }
}
