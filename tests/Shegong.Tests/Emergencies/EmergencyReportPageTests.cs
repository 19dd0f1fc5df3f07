using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Emergencies;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Emergencies;

/// <summary>The demo township worker reports a day of an emergency on a 390 × 844 phone, is refused a negative count, and corrects the day.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class EmergencyReportPageTests(BrowserApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_township_worker_reports_and_corrects_a_day_on_a_phone()
    {
        int id;
        await using (var db = app.OpenDb())
        {
            var province = await db.Regions.Where(r => r.Code == "510000000000").Select(r => r.Code).SingleAsync(Ct);
            var emergency = new Emergency { Type = EmergencyType.Flood, Name = "手机日报测试汛情", RegionCode = province, StartDate = new DateOnly(2024, 7, 1) };
            emergency.Areas.Add(new EmergencyArea { RegionCode = province });
            db.Add(emergency);
            await db.SaveChangesAsync(Ct);
            id = emergency.Id;
        }
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync($"/emergencies/{id}/report");
        await page.FillAsync(".report-day", "2024-07-02");
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
        await page.FillAsync(".report-day", "2024-07-02");
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
}
