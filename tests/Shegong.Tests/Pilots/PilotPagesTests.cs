using Microsoft.Playwright;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Pilots;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Pilots;

/// <summary>
/// The workflow through the pages, each role in its own browser: the province makes and opens a batch, the county
/// applies, the city returns it with a reason, the county edits and resubmits, the city approves, the province confirms.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class PilotPagesTests(BrowserApp app)
{
    private const string BatchName = "页面流程试点批次";

    [Fact]
    public async Task County_applies_city_reviews_and_province_confirms_through_the_pages()
    {
        await app.CreateAccountAsync("pilot-page-county", AccountRole.CountyOfficer, regionCode: PilotFlow.Jinjiang);
        await app.CreateAccountAsync("pilot-page-city", AccountRole.CityOfficer, regionCode: PilotFlow.Chengdu);
        var province = await app.NewPageAsync();
        await province.OpenAsync("/pilots/new");
        await province.Locator(".batch-name").FillAsync(BatchName);
        await province.Locator(".batch-budget").FillAsync("1000000");
        await province.Locator(".batch-standard").FillAsync("250000");
        await province.Locator(".batch-save").ClickAsync();
        await Expect(province.Locator(".batch-status")).ToHaveTextAsync("草稿");
        var batchId = int.Parse(province.Url.Split('/')[^1]);
        await MoveAsync(province, "申报中");

        var county = await app.NewPageAsync("pilot-page-county", TestApp.Password);
        await county.OpenAsync($"/pilots/applications/new?batchId={batchId}");
        await county.Locator(".township-code").SelectOptionAsync(PilotFlow.Jinguanyi);
        await county.Locator(".township-path").SelectOptionAsync("GovernancePilot");
        await county.Locator(".township-station").FillAsync("锦官驿街道社工站");
        await county.Locator(".township-justification").FillAsync("老旧院落多，老年人服务需求大");
        await county.Locator(".application-submit").ClickAsync();
        await Expect(county.Locator(".application-status")).ToHaveTextAsync("待市级审核");
        var applicationPath = new Uri(county.Url).AbsolutePath;

        var city = await app.NewPageAsync("pilot-page-city", TestApp.Password);
        await city.OpenAsync("/pilots/applications");
        await city.Locator(".pilot-bell-button").ClickAsync();
        await Expect(city.Locator(".pilot-notice[data-kind=ApplicationsAwaitReview]", new() { HasText = BatchName })).ToBeVisibleAsync();
        await city.OpenAsync(applicationPath);
        await city.Locator(".review-return").ClickAsync();
        await Expect(city.Locator(".field-error[data-field=reason]")).ToBeVisibleAsync();
        await city.Locator(".review-reason").FillAsync("请补充站点选址");
        await city.Locator(".review-return").ClickAsync();
        await Expect(city.Locator(".application-status")).ToHaveTextAsync("已退回");

        await county.OpenAsync(applicationPath);
        await Expect(county.Locator(".pilot-returned-reason")).ToContainTextAsync("请补充站点选址");
        await county.Locator(".township-station").FillAsync("锦官驿街道社会工作服务站");
        await county.Locator(".application-note").FillAsync("已补充选址");
        await county.Locator(".application-submit").ClickAsync();
        await Expect(county.Locator(".application-status")).ToHaveTextAsync("待市级审核");

        await city.OpenAsync(applicationPath);
        await city.Locator(".review-approve").ClickAsync();
        await Expect(city.Locator(".application-status")).ToHaveTextAsync("市级已通过");
        await Expect(city.Locator(".pilot-steps")).ToContainTextAsync("已补充选址");

        await province.OpenAsync($"/pilots/{batchId}");
        await MoveAsync(province, "评审中");
        await province.OpenAsync($"/pilots/{batchId}/choosing");
        var row = province.Locator(".pilot-choices tbody tr.ant-table-row", new() { HasText = "锦官驿街道" });
        await row.Locator("button.confirm-township").ClickAsync();
        await Expect(row.Locator(".decision")).ToHaveTextAsync("已确认");
        await province.OpenAsync($"/pilots/{batchId}");
        await MoveAsync(province, "已确认");
        await province.ScreenshotAsync("pilot-pages-confirmed");

        var projects = (await (await app.Client.GetUrlAsync($"/api/pilot-projects?batchId={batchId}")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
        var project = Assert.Single(projects);
        Assert.Equal((PilotFlow.Jinguanyi, 250_000m), (project.RegionCode, project.GrantedSubsidy));
        var detail = await (await app.Client.GetUrlAsync(applicationPath.Replace("/pilots/", "/api/pilot-"))).ReadAsync<PilotApplicationDetail>();
        Assert.Equal("锦官驿街道社会工作服务站", detail.Townships.Single().PlannedStationName);
        foreach (var page in new[] { province, county, city })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>One step along the batch's statuses: the button asks first, and the status shows the step taken.</summary>
    private static async Task MoveAsync(IPage page, string status)
    {
        await page.Locator(".batch-move").ClickAsync();
        await page.Locator(".ant-popover .ant-btn-primary").Filter(new() { Visible = true }).ClickAsync();
        await Expect(page.Locator(".batch-status")).ToHaveTextAsync(status);
    }
}
