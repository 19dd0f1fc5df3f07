using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Casework;

/// <summary>A case handed to another worker of its station through the case page, reason and all.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class CaseTransferPageTests(BrowserApp app)
{
    [Fact]
    public async Task A_case_is_transferred_to_another_worker_with_its_reason_and_the_history_shows_it()
    {
        var ct = TestContext.Current.CancellationToken;
        int stationId, residentId;
        string[] workers;
        int[] workerIds;
        await using (var db = app.OpenDb())
        {
            // A township station of the demo data with two working social workers, and a new resident in one of its villages.
            var pick = await db.Stations.Where(s => s.Level == StationLevel.TownshipStation && s.Status != StationStatus.Closed
                    && db.StationAssignments.Count(a => a.StationId == s.Id && a.To == null
                        && db.SocialWorkers.Any(w => w.Id == a.SocialWorkerId && w.LeftOn == null)) >= 2)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.RegionCode }).FirstAsync(ct);
            var staff = await db.SocialWorkers.Where(w => w.LeftOn == null && w.Assignments.Any(a => a.StationId == pick.Id && a.To == null))
                .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).Take(2).ToListAsync(ct);
            var (low, high) = RegionCode.SubtreeRange(pick.RegionCode);
            var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(ct);
            var resident = new Resident { Name = "转交测试李爷爷", RegionCode = village, BirthDate = new DateOnly(1945, 3, 2), Sex = Sex.Male };
            db.Residents.Add(resident);
            await db.SaveChangesAsync(ct);
            (stationId, residentId, workers, workerIds) = (pick.Id, resident.Id, [.. staff.Select(w => w.Name)], [.. staff.Select(w => w.Id)]);
        }
        var created = await (await app.Client.PostJsonAsync("/api/cases", new
        {
            residentId,
            stationId,
            workerId = workerIds[0],
            intakeSource = "WalkIn",
            presentingProblem = "独居，需要定期探访",
        })).ReadAsync<CaseDetail>(HttpStatusCode.Created);
        var page = await app.NewPageAsync();
        await page.OpenAsync($"/cases/{created.Id}");
        await Expect(page.Locator(".case-detail")).ToContainTextAsync(workers[0]);

        // Without a reason the transfer is refused at its field, and the case keeps its worker.
        var picker = page.Locator("select.transfer-worker");
        await picker.SelectOptionAsync(workerIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(picker).ToHaveValueAsync(workerIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("button.transfer-save").ClickAsync();
        await Expect(page.Locator(".field-error[data-field=reason]")).ToBeVisibleAsync();

        await page.Locator("input.transfer-reason, .transfer-reason input").First.FillAsync("原社工休产假");
        await page.Locator("button.transfer-save").ClickAsync();
        await Expect(page.Locator(".case-detail")).ToContainTextAsync(workers[1]);
        await Expect(page.Locator(".case-history")).ToContainTextAsync($"→ {workers[1]}: 原社工休产假");
        // The picker now offers the first worker back, not the one holding the case.
        await Expect(page.Locator("select.transfer-worker option", new() { HasTextString = workers[1] })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        await using var check = app.OpenDb();
        var saved = await check.Set<Case>().Include(c => c.Events).SingleAsync(c => c.Id == created.Id, ct);
        Assert.Equal(workerIds[1], saved.WorkerId);
        Assert.Single(saved.Events, e => e.Kind == CaseEventKind.Transferred);
    }
}
