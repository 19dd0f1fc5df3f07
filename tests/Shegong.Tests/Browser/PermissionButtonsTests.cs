using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Browser;

/// <summary>
/// The UI shows only the actions the permission table allows: a social worker (like demo-worker,
/// of the first township station in 锦江区) sees no button to create, edit, change status or reveal,
/// while a county official of 锦江区 sees them on the same pages.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class PermissionButtonsTests(BrowserApp app)
{
    private const string Jinjiang = "510104000000";

    private sealed record Check(string Path, string Ready, string[] Buttons);

    [Fact]
    public async Task A_social_worker_sees_no_forbidden_button_on_stations_workforce_and_worker_pages_while_an_official_sees_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = app.OpenDb();
        var (low, high) = Shegong.Web.Features.Regions.RegionCode.SubtreeRange(Jinjiang);
        var station = await db.Stations.Where(s => s.Level == StationLevel.TownshipStation
                && string.Compare(s.RegionCode, low) >= 0 && string.Compare(s.RegionCode, high) <= 0)
            .OrderBy(s => s.RegionCode).FirstAsync(ct);
        var worker = await db.SocialWorkers.Where(w => w.RegionCode == station.RegionCode).OrderBy(w => w.Id).FirstAsync(ct);
        await app.CreateAccountAsync("perm-worker", AccountRole.SocialWorker, stationId: station.Id);
        await app.CreateAccountAsync("perm-county", AccountRole.CountyOfficer, regionCode: Jinjiang);

        Check[] checks =
        [
            new("/stations", ".ant-table-row", ["button.new-station"]),
            new($"/stations/{station.Id}", ".station-detail", ["a.edit-station", ".status-actions"]),
            new("/workforce/agencies", ".workforce-agencies .ant-table-row", ["a[href='/workforce/agencies/new']", ".workforce-agencies a[href$='/edit']"]),
            new("/workforce/contracts", "h1[data-interactive]", ["a[href='/workforce/contracts/new']"]),
            new("/workforce/social-workers", ".workforce-social-workers .ant-table-row", ["button:has-text('新增社工')"]),
            new("/workforce/trainings", "h1[data-interactive]", ["a[href='/workforce/trainings/new']"]),
            new($"/workforce/social-workers/{worker.Id}", "#idNumber", ["button:has-text('显示')", "button:has-text('编辑')"]),
        ];

        var socialWorker = await app.NewPageAsync("perm-worker", TestApp.Password);
        foreach (var check in checks)
        {
            await socialWorker.OpenAsync(check.Path);
            await socialWorker.Locator(check.Ready).First.WaitForAsync();
            foreach (var button in check.Buttons)
            {
                await Expect(socialWorker.Locator(button)).ToHaveCountAsync(0);
            }
        }
        await socialWorker.ScreenshotAsync("permission-social-worker-detail");
        await socialWorker.Context.CloseAsync();

        var official = await app.NewPageAsync("perm-county", TestApp.Password);
        foreach (var check in checks)
        {
            await official.OpenAsync(check.Path);
            await official.Locator(check.Ready).First.WaitForAsync();
            foreach (var button in check.Buttons)
            {
                await Expect(official.Locator(button).First).ToBeVisibleAsync();
            }
        }
        await official.Context.CloseAsync();
    }
}
