using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>Thousands of exchanges: the page keeps up, and only the rows in view are in the document.</summary>
[Collection(TrafficPageCollection.Name)]
public sealed partial class ManyExchangesTests(TrafficPageFixture fixture)
{
    private const int Count = 2500;
    private const int FewRows = 150;
    private EchoServerHost Server => fixture.Server;

    [Fact]
    public async Task Thousands_of_exchanges_stay_live_with_only_the_rows_in_view_in_the_document()
    {
        await using var ui = await fixture.Open(nameof(Thousands_of_exchanges_stay_live_with_only_the_rows_in_view_in_the_document));
        var session = await Server.Initialize(SdkClient.SessionVersion, clientName: "many");

        await Parallel.ForAsync(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            (await Server.Request(session, "ping")).AssertResult());
        var echo = $"after-the-flood-{Guid.NewGuid():N}";
        Assert.False((await Server.Echo(session, echo)).AssertToolResult().IsError);

        await Expect(ui.Rows.First).ToHaveAttributeAsync("data-tool", "echo");
        await Expect(ui.Page.GetByTestId("row-count")).ToHaveTextAsync(HeldCount());
        var held = int.Parse(HeldCount().Match(await ui.Page.GetByTestId("row-count").TextContentAsync() ?? "").Groups[1].Value,
            NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(held > Count, $"{held} exchanges held");
        Assert.InRange(await ui.Rows.CountAsync(), 10, FewRows);

        await ui.Page.GetByTestId("list").EvaluateAsync("list => { list.scrollTop = list.scrollHeight; }");
        await Expect(ui.Rows.First).Not.ToHaveAttributeAsync("data-tool", "echo");
        Assert.InRange(await ui.Rows.CountAsync(), 10, FewRows);

        await ui.Page.GetByTestId("filter-text").FillAsync(echo);
        await Expect(ui.Rows).ToHaveCountAsync(1);
        await Expect(ui.Rows.First).ToHaveAttributeAsync("data-session", session);
        ui.AssertNoScriptErrors();
    }

    [GeneratedRegex(@"^([\d,]+) exchanges held")]
    private static partial Regex HeldCount();
}
