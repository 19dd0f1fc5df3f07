using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class StationPagesTests(BrowserApp app)
{
    [Fact]
    public async Task Station_list_shows_real_stations_and_filters_by_level_with_paging()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var all = await db.Stations.CountAsync(ct);
        var townshipStations = await db.Stations.CountAsync(s => s.Level == StationLevel.TownshipStation, ct);
        var page = await app.NewPageAsync();

        await page.OpenAsync("/stations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("社工站点");
        var rows = page.Locator(".station-table tbody tr.ant-table-row");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {all} 个站点");
        var firstName = await rows.First.Locator("td").First.InnerTextAsync();
        Assert.True(await db.Stations.AnyAsync(s => s.Name == firstName.Trim(), ct), $"'{firstName}' is not a station");
        await page.ScreenshotAsync("stations");

        await page.PickAsync(page.Locator(".filter-level"), "乡镇(街道)社工站");
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {townshipStations} 个站点");
        await Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync("乡镇(街道)社工站");
        await Expect(rows.Nth(19).Locator("td").Nth(1)).ToHaveTextAsync("乡镇(街道)社工站");
        await Expect(page.Locator("a.list-export")).ToHaveAttributeAsync("href", new Regex("level=TownshipStation"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.list-export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);

        var pageOneFirst = await rows.First.Locator("td").First.InnerTextAsync();
        await page.Locator(".list-pager .ant-pagination-item-2").ClickAsync();
        await Expect(page.Locator(".list-pager .ant-pagination-item-active")).ToHaveTextAsync("2");
        await Expect(rows.First.Locator("td").First).Not.ToHaveTextAsync(pageOneFirst);
        await Expect(page.GetByTestId("list-total")).ToHaveTextAsync($"共 {townshipStations} 个站点");

        await rows.First.Locator("td a").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/stations/\d+$"));
        await Expect(page.Locator(".status-history")).ToContainTextAsync("运营中");
        await page.ScreenshotAsync("station-detail");
        await page.Locator("button.move-suspended").ClickAsync();
        await Expect(page.Locator(".station-detail .status-tag")).ToHaveTextAsync("暂停运营");
        await Expect(page.Locator(".status-history")).ToContainTextAsync("运营中 → 暂停运营");
        await Expect(page.Locator("button.move-operating")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Station_form_refuses_a_level_region_mismatch_in_chinese_then_creates_the_station()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        // A township without any station, so the one-open-station rule does not get in the way.
        var used = db.Stations.Select(s => s.RegionCode);
        var township = await db.Regions.Where(r => r.Level == Shegong.Web.Features.Regions.RegionLevel.Township && !used.Contains(r.Code))
            .OrderBy(r => r.Code).FirstAsync(ct);
        var page = await app.NewPageAsync();

        await page.OpenAsync("/stations/new");
        await Expect(page.Locator("h1")).ToHaveTextAsync("新建站点");
        await page.Locator(".field-name input, input.field-name").First.FillAsync("浏览器测试社工站");
        await page.PickAsync(page.Locator(".field-level"), "乡镇(街道)社工站");
        var search = page.GetByTestId("station-region").Locator(".region-cascader-search input");
        await search.FillAsync(township.Code);
        await search.PressAsync("Enter");
        await page.GetByTestId("station-region").Locator(".region-cascader-results a").First.ClickAsync();
        await Expect(page.GetByTestId("station-region").Locator(".region-cascader-path")).ToContainTextAsync(township.Name);

        // Changing the level afterwards leaves a township in a county station's form: the service refuses it.
        await page.PickAsync(page.Locator(".field-level"), "县级社工总站");
        await page.Locator("button.save-station").ClickAsync();
        // The refusal sits next to the region, not in a banner.
        await Expect(page.Locator(".field-region-item .ant-form-item-explain")).ToContainTextAsync("县级社工总站须设在县(市、区)级区划");
        await Expect(page.Locator(".form-error")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("station-form-error");
        Assert.False(await db.Stations.AnyAsync(s => s.Name == "浏览器测试社工站", ct));

        await page.PickAsync(page.Locator(".field-level"), "乡镇(街道)社工站");
        await page.Locator("button.save-station").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/stations/\d+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("浏览器测试社工站");
        var created = await db.Stations.SingleAsync(s => s.Name == "浏览器测试社工站", ct);
        Assert.Equal(township.Code, created.RegionCode);
        Assert.Equal(StationLevel.TownshipStation, created.Level);
        await page.Context.CloseAsync();
    }
}
