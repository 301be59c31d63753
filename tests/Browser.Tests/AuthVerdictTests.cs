using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>A request the resource server refused (MCP_AUTH_MODE=lab) shows its token verdict in the exchange's detail.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed class AuthVerdictTests(TrafficPageFixture fixture)
{
    [Fact]
    public async Task A_refused_request_shows_why_beside_it()
    {
        var key = LabAuthority.NewKey();
        await using var lab = await EchoServerHost.Start(LabAuthority.Settings(key));
        await using var ui = await fixture.Open(nameof(A_refused_request_shows_why_beside_it), lab);
        var token = LabAuthority.Mint(key, LabAuthority.Payload(lab.BaseAddress, 600, ""","scope":"mcp:basic" """, "http://elsewhere.example/mcp"));
        using (var refused = await lab.Post(Requests.Initialize(1, LabAuthority.SessionVersion), null, LabAuthority.Bearer(token)))
        {
            Assert.Equal(401, (int)refused.StatusCode);
        }

        await ui.Open(ui.RowsWith(("status", "401")));

        var verdict = ui.Detail.GetByTestId("detail-auth-verdict");
        await Expect(verdict.GetByTestId("auth-reason")).ToHaveTextAsync($"audience was http://elsewhere.example/mcp expected {lab.McpEndpoint.AbsoluteUri}");
        await Expect(verdict).ToContainTextAsync("✅ verified");
        await Expect(verdict).ToContainTextAsync("❌ http://elsewhere.example/mcp");
        await Expect(verdict).ToContainTextAsync("mcp:basic");
        ui.AssertNoScriptErrors();
    }
}
