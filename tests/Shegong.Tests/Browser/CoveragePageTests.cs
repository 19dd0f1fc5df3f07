using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Web.Features.Coverage;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class CoveragePageTests(BrowserApp app)
{
    [Fact]
    public async Task Coverage_page_shows_figures_cities_and_map_and_drills_down_to_counties()
    {
        var ct = TestContext.Current.CancellationToken;
        var province = await app.WithServicesAsync(sp => sp.GetRequiredService<CoverageService>().GetAsync("510000000000", ct));
        await using var db = app.OpenDb();
        var chengduCounties = await db.Regions.CountAsync(r => r.ParentCode == "510100000000", ct);
        var page = await app.NewPageAsync();

        await page.OpenAsync("/coverage");
        await Expect(page.Locator("h1")).ToHaveTextAsync("四川省社工站覆盖情况");
        var figures = page.GetByTestId("coverage-figures");
        await Expect(figures.Locator(".figure-townships")).ToContainTextAsync(province.Figures.Townships.ToString("N0"));
        await Expect(figures.Locator(".figure-covered")).ToContainTextAsync(province.Figures.CoveredTownships.ToString("N0"));
        var rate = await figures.Locator(".figure-rate").InnerTextAsync();
        Assert.Contains((province.Figures.CoverageRate * 100).ToString("0.00") + "%", Regex.Replace(rate, @"\s", ""));
        var rows = page.Locator(".coverage-children tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(21);
        await ExpectMapDrawnAsync(page, 21);
        await page.ScreenshotAsync("coverage");

        await rows.Filter(new() { HasTextString = "成都市" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/coverage/510100000000$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("成都市社工站覆盖情况");
        await Expect(rows).ToHaveCountAsync(chengduCounties);
        await Expect(page.Locator(".page-crumbs")).ToContainTextAsync("四川省");
        await ExpectMapDrawnAsync(page, chengduCounties);
        await page.ScreenshotAsync("coverage-chengdu");

        await page.Locator(".page-crumbs a", new() { HasTextString = "四川省" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(21);
        await page.Context.CloseAsync();
    }

    /// <summary>The chart (SVG renderer) has drawn at least one outline per region on the map.</summary>
    private static async Task ExpectMapDrawnAsync(Microsoft.Playwright.IPage page, int regions)
    {
        await Expect(page.Locator(".coverage-map svg").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('.coverage-map svg path').length >= {regions}");
        await page.WaitForTimeoutAsync(600); // the map animates in; let the screenshot show it
    }

    [Fact]
    public async Task Region_browser_shows_the_province_and_pages_work_in_english_and_at_phone_width()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/regions");
        await Expect(page.Locator("h1")).ToHaveTextAsync("行政区划");
        await Expect(page.Locator(".region-detail")).ToContainTextAsync("510000000000");
        await Expect(page.Locator(".region-children tbody tr.ant-table-row")).ToHaveCountAsync(20);
        await page.ScreenshotAsync("regions");

        // A rule only the service knows comes back next to its field, in Chinese.
        await page.Locator(".field-resident input").FillAsync("100");
        await page.Locator(".field-urban-resident input").FillAsync("200");
        await page.Locator("button.save-region").ClickAsync();
        await Expect(page.Locator(".region-edit")).ToContainTextAsync("城镇常住人口不能多于常住人口");
        await page.Context.CloseAsync();

        var english = await app.NewPageAsync();
        await english.OpenAsync("/culture/en?redirectUri=%2Fstations");
        await Expect(english.Locator("h1")).ToHaveTextAsync("Social work stations");
        await Expect(english.Locator(".station-table thead")).ToContainTextAsync("Opened on");
        await english.Context.CloseAsync();

        var phone = await app.NewPageAsync(390, 844);
        await phone.OpenAsync("/stations");
        await Expect(phone.Locator(".station-table tbody tr.ant-table-row")).ToHaveCountAsync(20);
        // The side menu folds away and the table scrolls inside its box instead of widening the page.
        var pageWidth = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 400, $"page is {pageWidth}px wide at a 390px phone width");
        await phone.ScreenshotAsync("stations-phone");
        await phone.Context.CloseAsync();
    }
}
