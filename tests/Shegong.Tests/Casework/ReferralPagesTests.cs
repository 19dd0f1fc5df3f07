using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Browser;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Stations;
using static Microsoft.Playwright.Assertions;

namespace Shegong.Tests.Casework;

/// <summary>The referral round trip through the pages: one station refers a case, the other accepts it in its inbox, the sender sees the outcome.</summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed class ReferralPagesTests(BrowserApp app)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_referred_from_one_station_is_accepted_in_the_others_inbox_and_the_outcome_shows_on_the_case()
    {
        int caseId;
        string target;
        await using (var db = app.OpenDb())
        {
            // The demo worker's township station sends; another open station of the county receives.
            var account = await db.Users.SingleAsync(a => a.UserName == "demo-worker", Ct);
            var station = await db.Stations.SingleAsync(s => s.Id == account.StationId, Ct);
            var receiving = await db.Stations.Where(s => s.Id != station.Id && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating
                && s.RegionCode.StartsWith("510104")).OrderBy(s => s.RegionCode).FirstAsync(Ct);
            var worker = await db.StationAssignments.Where(a => a.StationId == station.Id && a.To == null).Select(a => a.SocialWorkerId).FirstAsync(Ct);
            var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
            var village = await db.Regions.Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, low) >= 0 && string.Compare(r.Code, high) <= 0)
                .OrderBy(r => r.Code).Select(r => r.Code).FirstAsync(Ct);
            var resident = new Resident { Name = "转介测试刘爷爷", RegionCode = village, BirthDate = new DateOnly(1940, 8, 8), Sex = Sex.Male };
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Ct);
            var c = Case.Open(resident.Id, station.Id, station.RegionCode, worker, new DateOnly(2025, 5, 1), "demo-worker");
            c.IntakeSource = IntakeSource.WalkIn;
            c.PresentingProblem = "独居，需要长期照料";
            db.Add(c);
            await db.SaveChangesAsync(Ct);
            (caseId, target) = (c.Id, receiving.Name);
            await app.CreateAccountAsync("referral-receiver", AccountRole.StationManager, stationId: receiving.Id);
        }

        var sender = await app.NewPageAsync("demo-worker", DemoAccounts.Password, 390, 844);
        await sender.OpenAsync($"/cases/{caseId}");
        // Without a receiving station the referral is refused at the field, and nothing is sent.
        await sender.Locator("textarea.refer-reason, .refer-reason textarea").First.FillAsync("搬到女儿家居住，请当地站点跟进");
        await sender.Locator("button.refer-save").ClickAsync();
        await Expect(sender.Locator(".case-refer .field-error[data-field=targetStationId]")).ToBeVisibleAsync();
        await Expect(sender.Locator(".case-referral")).ToHaveCountAsync(0);

        await sender.Locator("input.refer-station").PressSequentiallyAsync(target[..Math.Min(4, target.Length)]);
        await sender.Locator(".case-refer .picker-choice", new() { HasTextString = target }).First.ClickAsync();
        await sender.Locator("button.refer-save").ClickAsync();
        await Expect(sender.Locator(".case-referral .referral-outcome")).ToHaveTextAsync("待答复");
        Assert.False(await sender.ScrollsSidewaysAsync(), "the case page scrolls sideways at 390 px");
        await sender.ScreenshotAsync("referral-sent-390");

        var receiver = await app.NewPageAsync("referral-receiver", Infrastructure.TestApp.Password);
        await receiver.OpenAsync("/cases/referrals");
        var card = receiver.Locator(".inbox-pending .inbox-referral", new() { HasTextString = "转介测试刘爷爷" });
        await Expect(card).ToContainTextAsync("搬到女儿家居住");
        await card.Locator("input.answer-note, .answer-note input").First.FillAsync("已安排社工上门对接");
        await card.Locator("button.answer-accept").ClickAsync();
        await Expect(receiver.Locator(".inbox-answered")).ToContainTextAsync("转介测试刘爷爷");
        await Expect(receiver.Locator(".inbox-pending .inbox-referral", new() { HasTextString = "转介测试刘爷爷" })).ToHaveCountAsync(0);
        await receiver.Context.CloseAsync();

        await sender.OpenAsync($"/cases/{caseId}");
        await Expect(sender.Locator(".case-referral .referral-outcome")).ToHaveTextAsync("已接收");
        await Expect(sender.Locator(".case-referral")).ToContainTextAsync("已安排社工上门对接");
        await Expect(sender.Locator(".case-history")).ToContainTextAsync(target);
        await sender.Context.CloseAsync();
    }
}
