using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>The list: calls of both generations appear while the page is open; a session filter keeps only its rows.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed class LiveListTests(TrafficPageFixture fixture)
{
    private EchoServerHost Server => fixture.Server;

    [Fact]
    public async Task Calls_of_both_generations_appear_live_without_a_reload()
    {
        await using var ui = await fixture.Open(nameof(Calls_of_both_generations_appear_live_without_a_reload));
        var legacyEchoes = ui.RowsWith(("method", "tools/call"), ("tool", "echo"), ("era", "legacy"));
        var modernEchoes = ui.RowsWith(("method", "tools/call"), ("tool", "echo"), ("era", "modern"));
        // Counted once the page holds the list it loaded (data-loaded) and is live: before that, rows of earlier tests arrive.
        await Expect(ui.Page.Locator("body[data-loaded=true]")).ToHaveCountAsync(1);
        await Expect(ui.Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        var (legacyBefore, modernBefore) = (await legacyEchoes.CountAsync(), await modernEchoes.CountAsync());
        await ui.Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await using var legacy = await SdkClient.Connect(Server, name: "live-legacy");
        await using var modern = await SdkClient.Connect(Server, protocolVersion: "2026-07-28", name: "live-modern");
        await legacy.Echo("live from a 2025 session");
        await modern.Echo("live from a 2026-07-28 client");

        await Expect(ui.RowsWith(("method", "tools/call"), ("tool", "echo"), ("session", legacy.SessionId!))).ToHaveCountAsync(1);
        await Expect(legacyEchoes).ToHaveCountAsync(legacyBefore + 1);
        await Expect(modernEchoes).ToHaveCountAsync(modernBefore + 1);
        await Expect(legacyEchoes.First.GetByTestId("era-badge")).ToHaveTextAsync("legacy");
        await Expect(modernEchoes.First.GetByTestId("era-badge")).ToHaveTextAsync("modern");
        await Expect(legacyEchoes.First.GetByTestId("session-link")).ToHaveAttributeAsync("data-session", legacy.SessionId!);
        await Expect(legacyEchoes.First.GetByTestId("status")).ToHaveTextAsync("200");
        await Expect(ui.RowsWith(("method", "initialize"), ("session", legacy.SessionId!))).ToHaveCountAsync(1);
        await Expect(ui.RowsWith(("method", "server/discover"), ("era", "modern")).First).ToBeVisibleAsync();
        Assert.True(await ui.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded");
        await Expect(ui.Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_get_stream_shows_while_open_and_becomes_one_row_when_it_ends()
    {
        await using var ui = await fixture.Open(nameof(A_get_stream_shows_while_open_and_becomes_one_row_when_it_ends));
        var client = await SdkClient.Connect(Server, name: "stream-client");
        var session = client.SessionId!;
        var streams = ui.RowsWith(("session", session), ("http", "GET"));

        await Expect(streams).ToHaveCountAsync(1);
        await Expect(streams.First.GetByTestId("status")).ToHaveTextAsync("—");
        await Expect(streams.First.GetByTestId("method")).ToContainTextAsync("open");
        await client.DisposeAsync();

        await Expect(streams.First.GetByTestId("status")).ToHaveTextAsync("200");
        await Expect(streams).ToHaveCountAsync(1);
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Filtering_to_a_session_keeps_only_its_rows_and_shows_its_state()
    {
        await using var ui = await fixture.Open(nameof(Filtering_to_a_session_keeps_only_its_rows_and_shows_its_state));
        await using var chosen = await SdkClient.Connect(Server, name: "chosen-client", version: "4.5.6");
        await using var other = await SdkClient.Connect(Server, name: "other-client");
        await chosen.Echo("one");
        await other.Echo("not this session");
        await chosen.Echo("two");
        var session = chosen.SessionId!;
        var chosenEchoes = ui.RowsWith(("session", session), ("tool", "echo"));
        await Expect(chosenEchoes).ToHaveCountAsync(2);
        await Expect(ui.RowsWith(("session", other.SessionId!), ("tool", "echo"))).ToHaveCountAsync(1);

        await chosenEchoes.First.GetByTestId("session-link").ClickAsync();

        await Expect(ui.Page.GetByTestId("filter-session")).ToHaveValueAsync(session);
        await Expect(ui.Page.Locator($"[data-testid=rows] [data-testid=row]:not([data-session=\"{session}\"])")).ToHaveCountAsync(0);
        await Expect(chosenEchoes).ToHaveCountAsync(2);
        await Expect(ui.RowsWith(("session", session), ("method", "initialize"))).ToHaveCountAsync(1);
        var state = await SessionState(session);
        await Expect(ui.SessionPanel).ToBeVisibleAsync();
        await Expect(ui.SessionPanel.GetByTestId("session-id")).ToHaveTextAsync(session);
        await Expect(ui.SessionPanel.GetByTestId("session-echoes")).ToHaveTextAsync("2");
        await Expect(ui.SessionPanel.GetByTestId("session-requests")).ToHaveTextAsync(state.GetProperty("requests").GetInt32().ToString());
        await Expect(ui.SessionPanel.GetByTestId("session-client")).ToHaveTextAsync("chosen-client 4.5.6");
        await Expect(ui.SessionPanel.GetByTestId("session-protocol")).ToHaveTextAsync(SdkClient.SessionVersion);
        Assert.Contains($"session={session}", ui.Page.Url);

        await other.Echo("still not this session");
        await chosen.Echo("three");
        await Expect(chosenEchoes).ToHaveCountAsync(3);
        await Expect(ui.SessionPanel.GetByTestId("session-echoes")).ToHaveTextAsync("3");
        await Expect(ui.Page.Locator($"[data-testid=rows] [data-testid=row]:not([data-session=\"{session}\"])")).ToHaveCountAsync(0);
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Pause_holds_new_rows_back_until_resumed()
    {
        await using var ui = await fixture.Open(nameof(Pause_holds_new_rows_back_until_resumed));
        await using var client = await SdkClient.Connect(Server, name: "paused-client");
        var session = client.SessionId!;
        await Expect(ui.RowsWith(("session", session), ("method", "initialize"))).ToHaveCountAsync(1);

        await ui.Page.GetByTestId("pause").ClickAsync();
        await Expect(ui.Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "paused");
        await client.Echo("held back");
        await Expect(ui.Page.GetByTestId("pause")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"Resume \(\d+ new\)"));
        await Expect(ui.RowsWith(("session", session), ("tool", "echo"))).ToHaveCountAsync(0);

        await ui.Page.GetByTestId("pause").ClickAsync();
        await Expect(ui.RowsWith(("session", session), ("tool", "echo"))).ToHaveCountAsync(1);
        await Expect(ui.Page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        ui.AssertNoScriptErrors();
    }

    private async Task<JsonElement> SessionState(string session)
    {
        using var response = await Server.Http.GetAsync($"/traffic/api/sessions/{session}");
        response.EnsureSuccessStatusCode();
        return JsonElement.Parse(await response.Content.ReadAsStringAsync()).GetProperty("session");
    }
}
