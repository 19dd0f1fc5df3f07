using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Data;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Emergencies;

/// <summary>
/// The demo township worker reports a day of an emergency on a 390 × 844 phone, is refused a negative count, and corrects the day;
/// and names the station's own team and organisation mobilised, which the report and the cross-emergency list then show.
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class EmergencyReportPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A flood over the whole province from 2024-07-01 (saved with whatever else the caller added to <paramref name="db"/>).</summary>
    private static async Task<int> ProvinceFloodAsync(ShegongDb db, string name)
    {
        var emergency = new Emergency { Type = EmergencyType.Flood, Name = name, RegionCode = "510000000000", StartDate = new DateOnly(2024, 7, 1) };
        emergency.Areas.Add(new EmergencyArea { RegionCode = "510000000000" });
        db.Add(emergency);
        await db.SaveChangesAsync(Ct);
        return emergency.Id;
    }

    /// <summary>The demo township worker's daily report form of the emergency, on a 390 px phone.</summary>
    private async Task<Microsoft.Playwright.IPage> ReportOnPhoneAsync(int id)
    {
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync($"/emergencies/{id}/report");
        return page;
    }

    [Fact]
    public async Task Ending_a_response_asks_first_and_cancel_changes_nothing_then_confirm_ends_it()
    {
        int id;
        await using (var db = app.OpenDb())
        {
            id = await ProvinceFloodAsync(db, "结束确认测试汛情");
        }
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/emergencies/{id}");
        await page.PickDateAsync(".emergency-close-date", "2024-07-20");
        await page.ClickAsync(".emergency-close-save");
        var dialog = page.Locator(".ant-modal-confirm");
        await Expect(dialog).ToContainTextAsync("结束应急响应“结束确认测试汛情”？");
        await Expect(dialog).ToContainTextAsync("不能重新开启");
        await page.AnswerConfirmAsync("取消");
        await using (var db = app.OpenDb())
        {
            Assert.Equal(EmergencyStatus.Active, (await db.Set<Emergency>().SingleAsync(e => e.Id == id, Ct)).Status);
        }

        await page.ClickAsync(".emergency-close-save");
        await page.AnswerConfirmAsync("确定");
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("已保存");
        await using (var db = app.OpenDb())
        {
            var ended = await db.Set<Emergency>().SingleAsync(e => e.Id == id, Ct);
            Assert.Equal((EmergencyStatus.Closed, new DateOnly(2024, 7, 20)), (ended.Status, ended.EndDate));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_township_worker_reports_and_corrects_a_day_on_a_phone()
    {
        int id;
        await using (var db = app.OpenDb())
        {
            id = await ProvinceFloodAsync(db, "手机日报测试汛情");
        }
        var page = await ReportOnPhoneAsync(id);
        await page.PickDateAsync(".report-day", "2024-07-02");
        await page.FillAsync(".report-screening", "-3");
        await page.FillAsync(".report-care", "6");
        await page.ClickAsync(".report-save");
        await Expect(page.Locator(".field-error[data-field=screening]")).ToContainTextAsync("0");
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Set<EmergencyReport>().AnyAsync(r => r.EmergencyId == id, Ct));
        }
        Assert.False(await page.ScrollsSidewaysAsync(), "the daily report scrolls sideways at 390 px");

        await page.FillAsync(".report-screening", "12");
        await page.FillAsync(".report-volunteers", "4");
        await page.ClickAsync(".report-save");
        await Expect(page.Locator(".report-saved")).ToBeVisibleAsync();

        // Opening the same day again shows the saved report for correction.
        await page.OpenAsync($"/emergencies/{id}/report");
        await page.PickDateAsync(".report-day", "2024-07-02");
        await Expect(page.Locator(".report-correcting")).ToBeVisibleAsync();
        await Expect(page.Locator(".report-screening")).ToHaveValueAsync("12");
        await page.FillAsync(".report-screening", "15");
        await page.ClickAsync(".report-save");
        await Expect(page.Locator(".report-saved")).ToBeVisibleAsync();
        await using (var db = app.OpenDb())
        {
            var saved = await db.Set<EmergencyReport>().SingleAsync(r => r.EmergencyId == id, Ct);
            Assert.Equal((15, 6, 4, new DateOnly(2024, 7, 2)), (saved.Screening, saved.CareVisits, saved.VolunteersMobilised, saved.Day));
        }
    }

    [Fact]
    public async Task A_township_worker_ticks_a_team_and_an_organisation_on_a_phone_and_sees_them_named_on_the_report_and_in_the_list()
    {
        int id;
        var (team, organisation) = ("手机具名青年突击队" + Guid.NewGuid().ToString("N")[..4], "手机具名睦邻互助会" + Guid.NewGuid().ToString("N")[..4]);
        await using (var db = app.OpenDb())
        {
            var station = await db.Users.Where(u => u.UserName == "demo-worker").Select(u => u.StationId!.Value).SingleAsync(Ct);
            var place = await db.Stations.Where(s => s.Id == station).Select(s => s.RegionCode).SingleAsync(Ct);
            db.Add(new VolunteerTeam { Name = team, StationId = station, RegionCode = place, FormedOn = new DateOnly(2024, 1, 1) });
            db.Add(new CommunityOrganisation { Name = organisation, StationId = station, RegionCode = place, IncubatedOn = new DateOnly(2024, 1, 1) });
            id = await ProvinceFloodAsync(db, "手机具名测试汛情");
        }
        var page = await ReportOnPhoneAsync(id);
        await page.PickDateAsync(".report-day", "2024-07-03");
        await page.FillAsync(".report-volunteers", "8");
        await page.Locator(".group-tick", new() { HasTextString = team }).Locator(".report-team").CheckAsync();
        await page.Locator(".group-tick", new() { HasTextString = organisation }).Locator(".report-organisation").CheckAsync();
        Assert.False(await page.ScrollsSidewaysAsync(), "the daily report with its team and organisation ticks scrolls sideways at 390 px");
        await page.ClickAsync(".report-save");
        await Expect(page.Locator(".report-saved")).ToBeVisibleAsync();
        await using (var db = app.OpenDb())
        {
            var saved = await db.Set<EmergencyReport>().Include(r => r.Teams).Include(r => r.Organisations).SingleAsync(r => r.EmergencyId == id, Ct);
            Assert.Single(saved.Teams);
            Assert.Single(saved.Organisations);
            Assert.Equal(8, saved.VolunteersMobilised);
        }

        // The saved report, opened again for the day, shows exactly the two ticked.
        await page.OpenAsync($"/emergencies/{id}/report");
        await page.PickDateAsync(".report-day", "2024-07-03");
        await Expect(page.Locator(".report-correcting")).ToBeVisibleAsync();
        await Expect(page.Locator(".group-tick", new() { HasTextString = team }).Locator(".report-team")).ToBeCheckedAsync();
        await Expect(page.Locator(".group-tick", new() { HasTextString = organisation }).Locator(".report-organisation")).ToBeCheckedAsync();
        await Expect(page.Locator(".report-team:checked")).ToHaveCountAsync(1);
        await Expect(page.Locator(".report-organisation:checked")).ToHaveCountAsync(1);

        // The cross-emergency list names them on the report's line.
        await page.OpenAsync($"/emergency-reports?emergencyId={id}");
        await Expect(page.Locator(".report-line-teams")).ToHaveTextAsync(team);
        await Expect(page.Locator(".report-line-organisations")).ToHaveTextAsync(organisation);
    }
}
