using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Casework;

[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class CasePagesTests(BrowserApp app)
{
    [Fact]
    public async Task On_a_phone_a_case_is_opened_moved_through_every_stage_closed_and_reopened()
    {
        var ct = TestContext.Current.CancellationToken;
        int stationId, residentId;
        string workerName;
        await using (var db = app.OpenDb())
        {
            // A township station of the demo data with a worker at it, and a new resident in one of its villages.
            var pick = await db.StationAssignments.Where(a => a.To == null
                    && db.SocialWorkers.Any(w => w.Id == a.SocialWorkerId && w.LeftOn == null)
                    && db.Stations.Any(s => s.Id == a.StationId && s.Level == StationLevel.TownshipStation && s.Status != StationStatus.Closed))
                .OrderBy(a => a.StationId).Select(a => new { a.StationId, a.SocialWorkerId }).FirstAsync(ct);
            var station = await db.Stations.SingleAsync(s => s.Id == pick.StationId, ct);
            var worker = await db.SocialWorkers.Where(w => w.Id == pick.SocialWorkerId).Select(w => w.Name).SingleAsync(ct);
            var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
            var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(ct);
            var resident = new Resident { Name = "浏览器测试王奶奶", RegionCode = village, BirthDate = new DateOnly(1942, 5, 1), Sex = Sex.Female };
            db.Residents.Add(resident);
            // Twenty neighbours whose names sort before hers: the picker's first page by name no longer holds her.
            db.Residents.AddRange(Enumerable.Range(1, 20).Select(i => new Resident
            {
                Name = $"丁测试{i:00}",
                RegionCode = village,
                BirthDate = new DateOnly(1950, 1, 1),
                Sex = Sex.Male,
            }));
            await db.SaveChangesAsync(ct);
            (stationId, residentId, workerName) = (station.Id, resident.Id, worker);
        }
        var page = await app.NewPageAsync(390, 844);
        var residentSelect = page.Locator(".resident-select");

        // Opened with her already chosen (as from an assessment), the form names her, though the picker's first twenty
        // residents of the station (by name) do not hold her.
        var firstTwenty = await app.Client.GetFromJsonAsync<PickItem[]>($"/api/cases/residents?stationId={stationId}", ct);
        Assert.DoesNotContain(firstTwenty!, p => p.Id == residentId);
        await page.OpenAsync($"/cases/new?station={stationId}&resident={residentId}");
        await Expect(residentSelect).ToContainTextAsync("浏览器测试王奶奶");

        await page.OpenAsync($"/cases/new?station={stationId}");
        await residentSelect.ClickAsync();
        await page.Keyboard.TypeAsync("王奶奶");
        var option = page.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option").Filter(new() { HasTextString = "浏览器测试王奶奶" });
        await option.First.DispatchEventAsync("click");
        await page.Locator("h1").ClickAsync();
        await page.NoDropdownOpenAsync();
        // Searches answered after the pick (one per keystroke) leave her chosen.
        await Expect(residentSelect).ToContainTextAsync("浏览器测试王奶奶");
        await page.PickAsync(page.Locator(".case-worker"), workerName);
        await page.Locator("textarea.case-problem, .case-problem textarea").First.FillAsync("独居高龄，近期跌倒，需要照料");
        Assert.False(await page.ScrollsSidewaysAsync(), "the case form scrolls sideways at 390 px");
        await page.Locator("button.save-case").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/cases/\d+$"));
        await Expect(page.Locator(".ant-message-success")).ToContainTextAsync("已保存");
        var stage = page.Locator(".case-stage");
        await Expect(stage).ToHaveTextAsync("接案");
        var move = page.Locator("button.stage-move");
        await Expect(move).ToHaveTextAsync("进入“预估”阶段");
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("预估");

        // Planning needs the assessment summary: without it the move is refused and the stage stays.
        await move.ClickAsync();
        await Expect(page.Locator(".stage-error")).ToContainTextAsync("预估小结");
        await page.Locator("textarea.stage-assessment-summary, .stage-assessment-summary textarea").First.FillAsync("行动不便，子女在外地");
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("计划");

        await page.Locator("input.stage-goal, .stage-goal input").First.FillAsync("链接助餐服务");
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("介入");

        await page.Locator("textarea.contact-content, .contact-content textarea").First.FillAsync("入户探访，联系社区食堂");
        await page.Locator("button.contact-save").ClickAsync();
        await Expect(page.Locator(".case-contact")).ToHaveCountAsync(1);
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("评估");

        await page.PickAsync(page.Locator(".stage-goal-outcome"), "已达成");
        await page.Locator("textarea.stage-evaluation-summary, .stage-evaluation-summary textarea").First.FillAsync("已按时助餐");
        await page.PickAsync(page.Locator(".stage-close-reason"), "目标达成");
        await page.Locator("textarea.stage-closing-report, .stage-closing-report textarea").First.FillAsync("服务目标达成，结案");
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("结案");
        Assert.False(await page.ScrollsSidewaysAsync(), "the case page scrolls sideways at 390 px");
        await page.ScreenshotAsync("case-closed-phone");

        await page.Locator("input.stage-note, .stage-note input").First.FillAsync("老人再次跌倒");
        await move.ClickAsync();
        await Expect(stage).ToHaveTextAsync("预估");
        await Expect(page.Locator(".case-history")).ToContainTextAsync("老人再次跌倒");

        var caseId = int.Parse(Regex.Match(page.Url, @"/cases/(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.OpenDb())
        {
            var c = await db.Set<Case>().Include(x => x.Contacts).SingleAsync(x => x.Id == caseId, ct);
            Assert.Equal(CaseStage.Assessment, c.Stage);
            var recordId = Assert.Single(c.Contacts).ServiceRecordId;
            Assert.Equal(ServiceSource.CaseContact, (await db.ServiceRecords.SingleAsync(r => r.Id == recordId, ct)).Source);
        }
        await page.Context.CloseAsync();
    }
}
