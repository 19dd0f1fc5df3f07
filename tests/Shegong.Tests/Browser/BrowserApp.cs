using Microsoft.Playwright;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Browser;

/// <summary>
/// The app on a real loopback port (Kestrel) over the Sichuan regions and the demo stations,
/// with one headless Debian chromium shared by the fixture's tests.
/// </summary>
public sealed class BrowserApp : TestApp
{
    private IPlaywright? playwright;

    /// <summary>The cookies a sign-in through the form left, by account and password (see <see cref="NewPageAsync(string, string, int, int)"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string UserName, string Password), string> signedIn = new();

    public BrowserApp() => UseKestrel(0);

    protected override bool WithSichuanRegions => true;

    protected override bool WithDemo => true;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where uploaded evidence files go (a temp folder, removed with the fixture).</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "shegong-browser-files", Guid.NewGuid().ToString("N"));

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public override async ValueTask InitializeAsync()
    {
        // A copy of the seeded demo (WithDemo), with its accounts (demo-county, demo-worker, ...) and summary, as a first start leaves it.
        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    protected override void StartHost() => StartServer();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Open circuits re-check their account every two seconds (SessionRevalidationTests waits for it).
        builder.UseSetting("Auth:RevalidationInterval", "00:00:02");
        builder.UseSetting("Files:Root", FilesRoot);
    }

    /// <summary>A fresh page (own cookies) at desktop or phone width, signed in as the province admin.</summary>
    public Task<IPage> NewPageAsync(int width = 1366, int height = 900) =>
        NewPageAsync(Shegong.Web.Features.Accounts.AccountBootstrap.AdminUserName, AdminPassword, width, height);

    /// <summary>
    /// A fresh page (own context) signed in as <paramref name="userName"/>, on no particular page. The first page of an account
    /// signs in through the sign-in form; later ones start with the cookies that sign-in left (<see cref="signedIn"/>).
    /// </summary>
    public async Task<IPage> NewPageAsync(string userName, string password, int width = 1366, int height = 900)
    {
        if (signedIn.TryGetValue((userName, password), out var state))
        {
            var page = await NewAnonymousPageAsync(width, height, state);
            // The app reads the account again on every request, so one call says whether the cookie still stands (a test
            // may have disabled or reset the account since); a refused cookie signs in again through the form.
            await using var check = await page.Context.APIRequest.GetAsync("/api/regions/510000000000");
            if (check.Status != 401)
            {
                return page;
            }
            await page.Context.CloseAsync();
        }
        return await SignInThroughFormAsync(userName, password, width, height);
    }

    /// <summary>
    /// Signs in through the form, as a person does. A fresh context costs a browser about three page loads (sign-in page,
    /// sending it, the page it lands on) on two busy cores, and the browser tests open a hundred and more pages, so the
    /// cookies are kept for the account's next page.
    /// </summary>
    private async Task<IPage> SignInThroughFormAsync(string userName, string password, int width, int height)
    {
        var page = await NewAnonymousPageAsync(width, height);
        // Landing on a light page: the home page counts the user's whole region for its dashboard, which tests of other
        // pages would only pay for (DashboardPageTests opens it on purpose).
        // Typed only once the page has settled: a sign-in that sometimes stayed on this page for 30 s (in a few runs out
        // of many) looked like a form whose typed values were gone when it was sent, so the values are checked too.
        await page.GotoAsync("/account/signin?returnUrl=%2Fregions", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", password);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("input[name=userName]")).ToHaveValueAsync(userName);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("input[name=password]")).ToHaveValueAsync(password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
        signedIn[(userName, password)] = await page.Context.StorageStateAsync();
        return page;
    }

    /// <summary>A fresh page with nobody signed in.</summary>
    public Task<IPage> NewAnonymousPageAsync(int width = 1366, int height = 900) => NewAnonymousPageAsync(width, height, storageState: null);

    private async Task<IPage> NewAnonymousPageAsync(int width, int height, string? storageState)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
            StorageState = storageState,
        });
        // Generous, and assertions wait as long as actions: the browser tests share two cores with the rest of the suite
        // (a PostgreSQL server included on CI), where a page that opens in 1 s alone has taken more than 15 s. Slow, not wrong.
        context.SetDefaultTimeout(30_000);
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        var page = await context.NewPageAsync();
        // A page counts against the test that opened it: pages left open by earlier tests can still report their circuit
        // closing under load, which says nothing about the test running now.
        var test = BrowserErrors.Test;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && BrowserErrors.Test == test)
            {
                BrowserErrors.Add($"console: {message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) =>
        {
            if (BrowserErrors.Test == test)
            {
                BrowserErrors.Add($"page error: {error} ({page.Url})");
            }
        };
        return page;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }
}
