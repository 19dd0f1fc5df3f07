using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

/// <summary>A success message after a save; a confirmation before what cannot be undone.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class FeedbackPagesTests(BrowserApp app)
{
    [Fact]
    public async Task Closing_a_station_asks_first_and_cancel_changes_nothing_then_confirm_closes_it_with_a_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        // A village room: closing it changes no township's coverage, which other tests count.
        var station = await db.Stations.Where(s => s.RegionCode.StartsWith("510104") && s.Level == StationLevel.VillageRoom
            && s.Status == StationStatus.Operating).OrderByDescending(s => s.Id).FirstAsync(ct);
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync($"/stations/{station.Id}");
        var tag = page.Locator(".station-detail .status-tag");
        await Expect(tag).ToHaveTextAsync("运营中");

        await page.Locator("button.move-closed").ClickAsync();
        var dialog = page.Locator(".ant-modal-confirm");
        await Expect(dialog).ToContainTextAsync($"关闭站点“{station.Name}”？");
        await Expect(dialog).ToContainTextAsync("不能重新开放");
        await page.ScreenshotAsync("confirm-close-station");
        await page.AnswerConfirmAsync("取消");
        await Expect(tag).ToHaveTextAsync("运营中");
        await using (var check = app.OpenDb())
        {
            Assert.Equal(StationStatus.Operating, (await check.Stations.SingleAsync(s => s.Id == station.Id, ct)).Status);
        }

        await page.Locator("button.move-closed").ClickAsync();
        await page.AnswerConfirmAsync("确定");
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("站点状态已变为“已关闭”");
        await Expect(tag).ToHaveTextAsync("已关闭");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Disabling_an_account_asks_first_and_cancel_changes_nothing_then_confirm_disables_it()
    {
        var id = await app.CreateAccountAsync("to-disable-in-page", Shegong.Web.Features.Accounts.AccountRole.Viewer, "510104000000");
        var page = await app.NewPageAsync();
        await page.OpenAsync("/accounts?search=to-disable-in-page");
        var row = page.Locator(".accounts-table tbody tr.ant-table-row").Filter(new() { HasTextString = "to-disable-in-page" });
        await Expect(row).ToContainTextAsync("正常");

        await row.Locator("button").Filter(new() { HasTextString = "停用" }).ClickAsync();
        var dialog = page.Locator(".ant-modal-confirm");
        await Expect(dialog).ToContainTextAsync("停用账号“to-disable-in-page”？");
        await Expect(dialog).ToContainTextAsync("立即退出登录");
        await page.AnswerConfirmAsync("取消");
        await Expect(row).ToContainTextAsync("正常");
        await using (var db = app.OpenDb())
        {
            Assert.False((await db.Users.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).IsDisabled);
        }

        await row.Locator("button").Filter(new() { HasTextString = "停用" }).ClickAsync();
        await page.AnswerConfirmAsync("确定");
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("已保存");
        await Expect(row).ToContainTextAsync("已停用");
        await using (var db = app.OpenDb())
        {
            Assert.True((await db.Users.SingleAsync(a => a.Id == id, TestContext.Current.CancellationToken)).IsDisabled);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_a_station_form_says_it_was_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var station = await db.Stations.Where(s => s.RegionCode.StartsWith("510104") && s.Level == StationLevel.VillageRoom)
            .OrderBy(s => s.Id).FirstAsync(ct);
        var page = await app.NewPageAsync("demo-county", DemoAccounts.Password);
        await page.OpenAsync($"/stations/{station.Id}/edit");
        await page.Locator(".save-station").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/stations/{station.Id}$"));
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("已保存");
        await page.ScreenshotAsync("saved-message");
        await page.Context.CloseAsync();
    }
}
