using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class StaleEditPageTests(BrowserApp app)
{
    [Fact]
    public async Task Saving_a_station_someone_changed_meanwhile_says_so_in_chinese_overwrites_nothing_and_reloads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var station = await db.Stations.AsNoTracking().Where(s => s.Level == StationLevel.TownshipStation).OrderByDescending(s => s.Id).FirstAsync(ct);
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/stations/{station.Id}/edit");
        var name = page.Locator(".field-name input, input.field-name").First;
        await Expect(name).ToHaveValueAsync(station.Name);

        // Someone else renames the station through the API while the page is open.
        var theirs = StationForm.From(station);
        theirs.Name = "别人刚改的站名";
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutJsonAsync($"/api/stations/{station.Id}", theirs)).StatusCode);

        await name.FillAsync("页面里改的站名");
        await page.Locator("button.save-station").ClickAsync();
        await Expect(page.Locator(".form-error")).ToContainTextAsync("此记录已被其他人修改，请重新加载后再编辑");
        await page.ScreenshotAsync("station-stale-edit");
        await using (var check = app.OpenDb())
        {
            Assert.Equal("别人刚改的站名", (await check.Stations.SingleAsync(s => s.Id == station.Id, ct)).Name);
        }

        await page.Locator("button.reload-station").ClickAsync();
        await Expect(name).ToHaveValueAsync("别人刚改的站名");
        await Expect(page.Locator(".form-error")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_an_agency_someone_changed_meanwhile_says_so_overwrites_nothing_and_reloads()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var agency = await db.Agencies.AsNoTracking().Include(a => a.ServiceAreas).OrderBy(a => a.Id).FirstAsync(ct);
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/workforce/agencies/{agency.Id}/edit");
        var name = page.Locator(".workforce-field-name input, input.workforce-field-name").First;
        await Expect(name).ToHaveValueAsync(agency.Name);

        // Someone else renames the agency through the API, with the version they read, while the page is open.
        var theirs = new
        {
            name = "别人刚改的机构名",
            creditCode = agency.CreditCode,
            regionCode = agency.RegionCode,
            status = agency.Status.ToString(),
            serviceAreaCodes = agency.ServiceAreas.Select(a => a.RegionCode).ToArray(),
            version = agency.Version,
        };
        Assert.Equal(HttpStatusCode.OK, (await app.Client.PutJsonAsync($"/api/agencies/{agency.Id}", theirs)).StatusCode);

        await name.FillAsync("页面里改的机构名");
        await page.Locator("button.workforce-save").ClickAsync();
        await Expect(page.Locator(".workforce-alert")).ToContainTextAsync("此记录已被其他人修改，请重新加载后再编辑");
        await using (var check = app.OpenDb())
        {
            Assert.Equal("别人刚改的机构名", (await check.Agencies.SingleAsync(a => a.Id == agency.Id, ct)).Name);
        }

        await page.Locator("button.reload-record").ClickAsync();
        await Expect(name).ToHaveValueAsync("别人刚改的机构名");
        await Expect(page.Locator(".workforce-alert")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
