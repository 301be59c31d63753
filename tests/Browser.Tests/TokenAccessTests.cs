using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>A server bound to every interface, with a traffic token (reached on 127.0.0.1 all the same).</summary>
public sealed class TokenServer() : ServerFixture(("MCP_ECHO_HOST", "0.0.0.0"), ("MCP_TRAFFIC_TOKEN", TokenServer.Token))
{
    public const string Token = "page-token-of-the-browser-tests";
}

/// <summary>On a network bind the page needs the token in its own URL, and passes it on to everything it reads.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed class TokenAccessTests(TrafficPageFixture fixture, TokenServer server) : IClassFixture<TokenServer>
{
    [Fact]
    public async Task Without_the_token_the_page_is_refused()
    {
        await using var ui = await fixture.Open(nameof(Without_the_token_the_page_is_refused), server.Server);

        Assert.Equal(401, ui.Response?.Status);
        Assert.Contains("MCP_TRAFFIC_TOKEN", await ui.Response!.TextAsync(), StringComparison.Ordinal);
    }

    // The page's scripts and style are fetched without the token (a browser adds none to <script src>; they hold no
    // traffic); everything that reads the recording carries it.
    [Fact]
    public async Task Opened_with_the_token_the_page_reads_the_recording_and_the_live_feed()
    {
        await using var ui = await fixture.Open(nameof(Opened_with_the_token_the_page_reads_the_recording_and_the_live_feed),
            server.Server, "/traffic?token=" + TokenServer.Token);
        Assert.Equal(200, ui.Response?.Status);
        await using var client = await SdkClient.Connect(server.Server, name: "token-client");
        await client.Echo("seen through the token");

        await Expect(ui.RowsWith(("session", client.SessionId!), ("tool", "echo"))).ToHaveCountAsync(1);
        await ui.RowsWith(("session", client.SessionId!), ("tool", "echo")).GetByTestId("session-link").ClickAsync();
        await Expect(ui.SessionPanel.GetByTestId("session-echoes")).ToHaveTextAsync("1");
        await Expect(ui.Page.GetByTestId("export-har")).ToHaveAttributeAsync("href", new Regex("[?&]token=" + TokenServer.Token));
        await Expect(ui.SessionPanel.GetByTestId("export-session-jsonl")).ToHaveAttributeAsync("href", new Regex("[?&]token=" + TokenServer.Token));
        ui.AssertNoScriptErrors();
    }
}
