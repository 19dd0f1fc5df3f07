using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.ServiceRecords;

/// <summary>A worker on a phone (390×844) records a home visit from the today page in a few taps.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class HomeVisitPageTests(BrowserApp app)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_worker_records_a_home_visit_on_a_phone_from_the_today_page()
    {
        int stationId;
        int residentId;
        await using (var db = app.OpenDb())
        {
            var account = await db.Users.SingleAsync(a => a.UserName == "demo-worker", Ct);
            stationId = account.StationId!.Value;
            var (low, high) = RegionCode.SubtreeRange(account.RegionCode);
            var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
            var resident = new Resident { Name = "走访测试居民", RegionCode = village, BirthDate = new DateOnly(1941, 2, 3), Sex = Sex.Female };
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Ct);
            residentId = resident.Id;
            Assert.True(await db.StationAssignments.AnyAsync(a => a.StationId == stationId && a.To == null, Ct), "the demo station has a worker");
        }
        var page = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await page.OpenAsync("/today");
        // The demo worker's account is linked to a social worker of its station, so the page lists their work, not the hint to link it.
        await Expect(page.Locator(".today-cases")).ToBeVisibleAsync();
        await Expect(page.Locator(".today-unlinked")).ToHaveCountAsync(0);
        await page.Locator(".record-home-visit").ClickAsync();
        await page.Locator("h1[data-interactive]").WaitForAsync();
        await Expect(page.Locator(".field-channel .chosen")).ToHaveTextAsync("走进门");

        await page.Locator(".resident-picker .picker-input").PressSequentiallyAsync("走访测试");
        await page.Locator(".picker-choice", new() { HasTextString = "走访测试居民" }).ClickAsync();
        await Expect(page.Locator(".picked-resident")).ToContainTextAsync("走访测试居民");
        await page.Locator(".field-category button[data-value=ElderlyAndChildCare]").ClickAsync();
        if (await page.Locator(".field-workers .chosen").CountAsync() == 0)
        {
            await page.Locator(".field-workers button").First.ClickAsync();
        }
        Assert.False(await page.ScrollsSidewaysAsync(), "the entry form scrolls sideways on a 390 px phone");
        await page.ScreenshotAsync("demo-worker-home-visit-390");
        await page.Locator(".save-record").ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/today", StringComparison.Ordinal));
        await Expect(page.Locator(".today-records")).ToContainTextAsync("走访测试居民");
        await page.Context.CloseAsync();

        await using var check = app.OpenDb();
        var record = await check.ServiceRecords.Include(r => r.Beneficiaries).SingleAsync(r => r.Beneficiaries.Any(b => b.ResidentId == residentId), Ct);
        Assert.Equal((stationId, ServiceChannel.HomeVisit, ServiceSource.Direct, 1), (record.StationId, record.Channel, record.Source, record.PersonTimes));
    }
}
