using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>The export buttons: what a click downloads.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed class ExportTests(TrafficPageFixture fixture)
{
    private EchoServerHost Server => fixture.Server;

    [Fact]
    public async Task Export_HAR_downloads_a_HAR_1_2_log_with_the_calls()
    {
        await using var ui = await fixture.Open(nameof(Export_HAR_downloads_a_HAR_1_2_log_with_the_calls));
        var marker = $"har-{Guid.NewGuid():N}";
        await using var client = await SdkClient.Connect(Server, name: "har-client");
        await client.Echo(marker);
        await Expect(ui.RowsWith(("session", client.SessionId!), ("tool", "echo"))).ToHaveCountAsync(1);

        var download = await ui.Page.RunAndWaitForDownloadAsync(() => ui.Page.GetByTestId("export-har").ClickAsync());

        Assert.EndsWith(".har", download.SuggestedFilename, StringComparison.Ordinal);
        using var har = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        var log = har.RootElement.GetProperty("log");
        Assert.Equal("1.2", log.GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.Object, log.GetProperty("creator").ValueKind);
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.Equal(JsonValueKind.String, entry.GetProperty("startedDateTime").ValueKind);
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("time").ValueKind);
            var request = entry.GetProperty("request");
            Assert.Equal(JsonValueKind.String, request.GetProperty("method").ValueKind);
            Assert.StartsWith(Server.BaseAddress.GetLeftPart(UriPartial.Authority), request.GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Array, request.GetProperty("headers").ValueKind);
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("response").GetProperty("status").ValueKind);
            Assert.Equal(JsonValueKind.Object, entry.GetProperty("response").GetProperty("content").ValueKind);
            Assert.Equal(JsonValueKind.Number, entry.GetProperty("timings").GetProperty("wait").ValueKind);
        }
        Assert.Contains(entries, entry => entry.GetProperty("request").TryGetProperty("postData", out var post)
            && post.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal));
        ui.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Export_of_a_session_downloads_its_exchanges_only()
    {
        await using var ui = await fixture.Open(nameof(Export_of_a_session_downloads_its_exchanges_only));
        await using var client = await SdkClient.Connect(Server, name: "jsonl-client");
        await using var other = await SdkClient.Connect(Server, name: "other-jsonl-client");
        await client.Echo("kept");
        await other.Echo("left out");
        var session = client.SessionId!;
        await Expect(ui.RowsWith(("session", session), ("tool", "echo"))).ToHaveCountAsync(1);
        await ui.Page.GetByTestId("filter-session").FillAsync(session);
        await Expect(ui.SessionPanel.GetByTestId("session-echoes")).ToHaveTextAsync("1");

        // The session's own ring gets its exchanges in batches, a moment after the live list shows them.
        await Eventually.Until(() => Server.Http.GetStringAsync($"/traffic/api/sessions/{session}"),
            text => text.Contains("\"tool\":\"echo\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the session's ring");
        var download = await ui.Page.RunAndWaitForDownloadAsync(() => ui.SessionPanel.GetByTestId("export-session-jsonl").ClickAsync());

        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(line => line.Length > 0).ToList();
        Assert.NotEmpty(lines);
        var exchanges = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.All(exchanges, exchange => Assert.Equal(session, exchange.GetProperty("session").GetString()));
        Assert.Contains(exchanges, exchange => exchange.GetProperty("tool").GetString() == "echo");
        ui.AssertNoScriptErrors();
    }
}
