using System.Globalization;
using Microsoft.Playwright;

namespace AkkaMcpEcho.Browser.Tests;

/// <summary>
/// The traffic page open in its own browser context, and what tests read from it. Disposing it keeps a screenshot of
/// the page as the test left it (also when the test failed), then closes the context.
/// </summary>
public sealed class PageUnderTest : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _screenshot;
    private readonly List<string> _scriptErrors = [];

    public PageUnderTest(IBrowserContext context, IPage page, string screenshot)
    {
        _context = context;
        _screenshot = screenshot;
        Page = page;
        page.PageError += (_, error) => _scriptErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _scriptErrors.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The answer to the page's own URL.</summary>
    public IResponse? Response { get; set; }

    public ILocator Rows => Page.GetByTestId("rows").GetByTestId("row");

    public ILocator Detail => Page.GetByTestId("detail");

    public ILocator SessionPanel => Page.GetByTestId("session-panel");

    /// <summary>The rows whose data-* attributes have these values, e.g. ("tool", "echo").</summary>
    public ILocator RowsWith(params (string Name, string Value)[] attributes) =>
        Page.Locator("[data-testid=rows] [data-testid=row]" + string.Concat(attributes.Select(a => $"[data-{a.Name}=\"{a.Value}\"]")));

    /// <summary>Types into the free-text search and waits until the list shows the matches.</summary>
    public async Task Search(string text)
    {
        await Page.GetByTestId("filter-text").FillAsync(text);
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=" + Uri.EscapeDataString(text)));
    }

    /// <summary>Opens the detail of the one row that matches, and waits for it.</summary>
    public async Task Open(ILocator row)
    {
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var id = await row.GetAttributeAsync("data-id");
        await row.ClickAsync();
        await Assertions.Expect(Detail).ToHaveAttributeAsync("data-id", id!);
    }

    /// <summary>Everything the page shows as text, and every attribute value, as one string.</summary>
    public async Task<string> AllText() =>
        await Page.EvaluateAsync<string>("() => document.body.innerText") + "\n" + await Page.ContentAsync();

    public static int Number(string text) => int.Parse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>No script error and no console error (a refused resource, a CSP violation) since the page opened.</summary>
    public void AssertNoScriptErrors() => Assert.Empty(_scriptErrors);

    public async ValueTask DisposeAsync()
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_screenshot)!);
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = _screenshot });
        }
        finally
        {
            await _context.CloseAsync();
        }
    }
}
