using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Demo;

namespace Shegong.Tests.Browser;

/// <summary>
/// The app on a real loopback port (Kestrel) over the Sichuan regions and the demo stations,
/// with one headless Debian chromium shared by the fixture's tests.
/// </summary>
public sealed class BrowserApp : TestApp
{
    private IPlaywright? playwright;

    public BrowserApp() => UseKestrel(0);

    protected override bool WithSichuanRegions => true;

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where the app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithServicesAsync(sp => sp.GetRequiredService<DemoSeeder>().SeedAsync());
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    protected override void StartHost() => StartServer();

    /// <summary>A fresh page (own cookies) at desktop or phone width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
