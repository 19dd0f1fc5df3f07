using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
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
    public async Task An_uncovered_township_without_a_station_links_to_a_new_station_there_and_only_for_those_who_may_create_one()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        // A township of Chengdu with no station at all, and the city officer who may create one there.
        var report = await app.WithServicesAsync(sp => sp.GetRequiredService<CoverageService>().GetAsync("510100000000", ct));
        var township = report.UncoveredTownships.First(t => t.StationStatus is null);
        var county = township.CountyCode;

        var page = await app.NewPageAsync("demo-city", Shegong.Web.Features.Demo.DemoAccounts.Password);
        await page.OpenAsync($"/coverage/{county}");
        var row = page.Locator(".coverage-uncovered tbody tr.ant-table-row", new() { HasTextString = township.Code });
        // The list pages by ten: once it is drawn, turn to the township's page, each turn waiting for the page it asked for.
        await Expect(page.Locator(".coverage-uncovered tbody tr.ant-table-row").First).ToBeVisibleAsync();
        for (var turn = 2; await row.CountAsync() == 0; turn++)
        {
            await page.Locator(".coverage-uncovered .ant-pagination-next button").ClickAsync();
            await Expect(page.Locator(".coverage-uncovered .ant-pagination-item-active")).ToHaveTextAsync(turn.ToString(CultureInfo.InvariantCulture));
        }
        await row.Locator("a.create-station-here").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/stations/new\\?level=TownshipStation&region={township.Code}$"));
        // The form starts at that township, at the township level.
        await Expect(page.GetByTestId("station-region").Locator(".region-cascader-path")).ToContainTextAsync(township.Name);
        await Expect(page.Locator(".field-level")).ToContainTextAsync("乡镇(街道)社工站");
        await page.Locator("input.field-name").FillAsync(township.Name + "社工站（覆盖页新建）");
        await page.Locator("button.save-station").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stations/\\d+$"));
        Assert.Equal(township.Code, await db.Stations.Where(s => s.Name == township.Name + "社工站（覆盖页新建）").Select(s => s.RegionCode).SingleAsync(ct));
        await page.Context.CloseAsync();

        // A viewer of the same county may not create stations: the list says why, without the link.
        var viewer = "viewer-" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAccountAsync(viewer, Shegong.Web.Features.Accounts.AccountRole.Viewer, county);
        var viewerPage = await app.NewPageAsync(viewer, TestApp.Password);
        await viewerPage.OpenAsync($"/coverage/{county}");
        await Expect(viewerPage.Locator(".coverage-uncovered .uncovered-reason").First).ToBeVisibleAsync();
        await Expect(viewerPage.Locator("a.create-station-here")).ToHaveCountAsync(0);
        await viewerPage.Context.CloseAsync();
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
