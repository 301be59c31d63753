using Microsoft.Playwright;

namespace AkkaMcpEcho.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class TrafficPageCollection : ICollectionFixture<TrafficPageFixture>
{
    public const string Name = "traffic page";
}

/// <summary>
/// One real server on 127.0.0.1 and one headless Chromium for every browser test. The browser is Debian's package:
/// Playwright's own browser download cannot run on the build machines.
/// </summary>
public sealed class TrafficPageFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private EchoServerHost? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public EchoServerHost Server => _server ?? throw new InvalidOperationException("The server has not started");

    /// <summary>Where each test leaves its screenshot: $ARTIFACTS/screenshots, else TestResults/screenshots beside the tests.</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("ARTIFACTS") is { Length: > 0 } artifacts
        ? Path.Combine(artifacts, "screenshots")
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {chromium}, and it is not there. Install Debian's package "
                + "(apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH to a Chromium executable.");
        }
        Assertions.SetDefaultExpectTimeout((float)Wait.TotalMilliseconds);
        _server = await EchoServerHost.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>
    /// <paramref name="path"/> of <paramref name="server"/> (this fixture's by default) in a new browser context; the
    /// traffic page waits until it is connected to the live feed.
    /// </summary>
    public async Task<PageUnderTest> Open(string test, EchoServerHost? server = null, string path = "/traffic")
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not started");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1500, Height = 900 },
            AcceptDownloads = true,
            ColorScheme = ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        var traffic = new PageUnderTest(context, page, Path.Combine(ScreenshotFolder, test + ".png"));
        traffic.Response = await page.GotoAsync(path);
        if (traffic.Response?.Status == 200)
        {
            await Assertions.Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "live");
        }
        return traffic;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
