using System.Text.RegularExpressions;
using Shegong.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

/// <summary>The main pages on a desktop (1440×900) and a phone (390×844): screenshots for review, and no sideways scroll on the phone.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class PhoneLayoutTests(BrowserApp app)
{
    private static readonly string[] CountyPages =
        ["/?from=2025-01-01&to=2025-12-31", "/stations", "/workforce/social-workers", "/workforce/agencies", "/workforce/contracts", "/workforce/trainings",
         "/workforce/supervisions", "/workforce/summary", "/regions", "/accounts", "/audit", "/coverage", "/service-records", "/residents",
         "/indicators", "/pilots"];

    private static readonly string[] WorkerPages =
        ["/today", "/stations", "/workforce/social-workers", "/workforce/agencies", "/workforce/trainings", "/workforce/summary", "/service-records",
         "/service-records/new", "/residents", "/cases", "/service-requests"];

    [Theory]
    [InlineData("demo-county")]
    [InlineData("demo-worker")]
    public async Task Main_pages_fit_a_phone_and_are_captured_at_both_widths(string user)
    {
        var pages = user == "demo-county" ? CountyPages : WorkerPages;
        var phone = await app.NewPageAsync(user, DemoAccounts.Password, 390, 844);
        var desktop = await app.NewPageAsync(user, DemoAccounts.Password, 1440, 900);
        foreach (var path in pages)
        {
            var name = user + (path.StartsWith("/?", StringComparison.Ordinal) ? "-home" : path.Replace('/', '-'));
            await phone.OpenAsync(path);
            await phone.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await phone.ScreenshotAsync(name + "-390");
            Assert.False(await phone.ScrollsSidewaysAsync(), $"{path} scrolls sideways on a 390 px phone for {user}");
            await desktop.OpenAsync(path);
            await desktop.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            await desktop.ScreenshotAsync(name + "-1440");
        }
        await phone.Context.CloseAsync();
        await desktop.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_the_menu_is_a_drawer_that_closes_on_choice_and_lists_are_cards()
    {
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password, 390, 844);
        await page.OpenAsync("/workforce/agencies");
        await Expect(page.Locator(".shell-sider")).ToBeHiddenAsync();
        await Expect(page.Locator(".workforce-agencies thead")).ToBeHiddenAsync();
        await Expect(page.Locator(".workforce-agencies tbody tr.ant-table-row").First).ToBeVisibleAsync();

        await page.Locator(".shell-menu-button").ClickAsync();
        var drawer = page.Locator(".shell-drawer");
        await Expect(drawer.Locator(".ant-menu-root")).ToBeVisibleAsync();
        await Expect(page.Locator(".ant-drawer-open")).ToHaveCountAsync(1);
        await drawer.Locator(".ant-menu-item", new() { HasTextString = "社工站点" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stations$"));
        // A closed drawer slides out of view but stays in the page: it is closed when AntD drops its open class.
        await Expect(page.Locator(".ant-drawer-open")).ToHaveCountAsync(0);

        // (The pilot notices' bell shares the header button's look, so the account button is named apart from it.)
        await page.Locator(".shell-user:not(.pilot-bell-button)").ClickAsync();
        await Expect(page.Locator(".shell-user-panel")).ToContainTextAsync("demo-county");
        await page.Context.CloseAsync();
    }
}
