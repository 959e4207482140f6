using Microsoft.Playwright;
using VehicleImages.Application.Demo;
using VehicleImages.Application.Keys;
using VehicleImages.Domain.Keys;

namespace VehicleImages.Api.Tests.AdminUi;

/// <summary>
/// The app with the drawn demo library (real-looking cars, so the screenshots show what an operator sees) and one
/// headless Chromium shared by every browser test: the system's
/// Chromium (Debian's <c>chromium</c>, installed by <c>scripts/setup --test</c>; another one with
/// <c>VEHICLE_IMAGES_CHROMIUM</c>), driven by Playwright, which downloads no browser of its own.
/// </summary>
public sealed class AdminUiFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "VEHICLE_IMAGES_CHROMIUM";

    private TestApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public TestApp App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>A key for the image APIs, to see what the UI changed the way clients see it.</summary>
    public string ApiKey { get; private set; } = "";

    /// <summary>A key with the admin scope, to sign in with.</summary>
    public string AdminKey { get; private set; } = "";

    /// <summary>Where the tests save screenshots of the pages: artifacts/screenshots in the checkout (CI keeps it).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"The admin UI tests need Chromium at {chromium}: run scripts/setup --test (apt-get install chromium), or set {ChromiumVariable}.");
        }

        _app = await TestApp.StartAsync();
        await App.Service<DemoSeeder>().SeedIfEmptyAsync(App.DataDirectory, CancellationToken.None);
        var keys = App.Service<KeyManager>();
        (_, ApiKey) = await keys.CreateAsync("client", null, KeyScopes.Api, CancellationToken.None);
        (_, AdminKey) = await keys.CreateAsync("operator", null, KeyScopes.Admin, CancellationToken.None);
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true });
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>
    /// A fresh browser context (its own cookies) on a laptop-sized screen, with a page that records what would make a
    /// test wrong without failing an action: script errors, and any request that leaves this server.
    /// </summary>
    public async Task<BrowserPage> OpenAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Address.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Generous, for a CI runner whose 2 cores also run the other test assemblies; a healthy run takes a fraction.
        context.SetDefaultTimeout(60_000);
        return await BrowserPage.OpenAsync(context, App.Address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
