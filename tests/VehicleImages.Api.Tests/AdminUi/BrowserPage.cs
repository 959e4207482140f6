using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace VehicleImages.Api.Tests.AdminUi;

/// <summary>
/// One browser context and its page, noting what no single action would fail on: uncaught script errors, console
/// errors (a blocked script or style shows there) and requests to anywhere but this server (the UI must need no CDN).
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _problems = new();

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    /// <summary>
    /// Navigations wait only until the new page's document is parsed (or the URL committed), never for its load
    /// event, which waits on every picture in view: on a busy 2-core CI runner that can take long, and the tests
    /// wait for what they need next (a card, a heading) anyway.
    /// </summary>
    public static PageGotoOptions Parsed { get; } = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    /// <summary>How long a page may take to arrive on a busy 2-core CI runner.</summary>
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(60);

    public IPage Page { get; }

    /// <summary>What went wrong in the page so far; a test ends by asserting it is empty.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context, Uri server)
    {
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page);
        var origin = server.GetLeftPart(UriPartial.Authority);
        page.PageError += (_, error) => browserPage._problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            // A refused request is logged by the browser as a failed resource; the tests check refusals themselves.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                browserPage._problems.Enqueue($"console error: {message.Text}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                browserPage._problems.Enqueue($"request to another server: {request.Url}");
            }
        };
        return browserPage;
    }

    /// <summary>Signs in on the sign-in page with a key, as a person would, and waits for the library.</summary>
    public async Task SignInAsync(string key)
    {
        await Page.GotoAsync("/admin/login", Parsed);
        await Page.GetByLabel("Admin key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await ReadyAsync(path => path == "/admin");
        }
        catch (TimeoutException e)
        {
            // Say what the sign-in page showed: a refusal reads differently from a page that never answered.
            throw new TimeoutException($"Sign-in did not reach /admin; the page is at {Page.Url} and says: {string.Join(" ", await Page.Locator("#sign-in-error").AllTextContentsAsync())}", e);
        }

        await Assertions.Expect(Page.Locator("#grid a.card").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the browser is on a page whose path matches and that page is ready: its data drawn and its
    /// controls listening (each page takes aria-busy off its main element then).
    /// </summary>
    public async Task ReadyAsync(Func<string, bool> path)
    {
        await ArriveAsync(Page, path);
        await Assertions.Expect(Page.Locator("main:not([aria-busy])")).ToBeAttachedAsync();
    }

    /// <summary>
    /// Waits until the page's URL has a path that matches, by reading the URL rather than waiting for a navigation
    /// event: a sign-in's script navigates right after its POST returns, and once in a CI run a wait for that
    /// navigation's commit timed out with the page already at /admin.
    /// </summary>
    public static async Task ArriveAsync(IPage page, Func<string, bool> path)
    {
        ArgumentNullException.ThrowIfNull(page);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!path(new Uri(page.Url).AbsolutePath))
        {
            if (waited.Elapsed > ArrivalTimeout)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for {ArrivalTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Saves the page as artifacts/screenshots/NAME.png once its images have loaded: the whole page, or only the
    /// screen (for a page that scrolls within itself, as the library's sidebar does).
    /// </summary>
    public async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AdminUiFixture.ScreenshotDirectory, $"{name}.png"), FullPage = fullPage });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
