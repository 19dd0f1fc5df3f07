using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shegong.Tests.GroupWork;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Pilots;
using static Microsoft.Playwright.Assertions;
using Group = Shegong.Web.Features.GroupWork.Group;

namespace Shegong.Tests.Browser;

/// <summary>
/// One language at a time: no code names or English in the Chinese UI, no Chinese in the English UI
/// apart from proper names (regions, stations, agencies, people and what users typed).
/// </summary>
[Collection(BrowserCollection.Name)]
[FailOnBrowserErrors]
public sealed partial class LanguagePagesTests(BrowserApp app)
{
    /// <summary>Latin words a Chinese page may show: the product of a proper name or a file format.</summary>
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    /// <summary>Latin words a Chinese page may show: the product name, the switch to English, a file format, account names.</summary>
    private static readonly HashSet<string> LatinAllowed = ["Shegong", "English", "Excel", "admin", "demo", "jpg", "jpeg", "png", "webp", "pdf"];

    [GeneratedRegex(@"[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"[\u4e00-\u9fff（）()、·]*[\u4e00-\u9fff][\u4e00-\u9fff（）()、·]*")]
    private static partial Regex ChineseRun();

    private async Task<List<string>> PagesAsync()
    {
        await using var db = app.OpenDb();
        var station = await db.Stations.Where(s => s.RegionCode.StartsWith("510104")).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        var worker = await db.SocialWorkers.OrderBy(w => w.Id).Select(w => w.Id).FirstAsync(Ct);
        var contract = await db.ServiceContracts.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var (group, activity) = await GroupWorkPagesAsync();
        var organisation = await db.Set<CommunityOrganisation>().OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(Ct);
        var team = await db.Set<VolunteerTeam>().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
        var indicator = await db.Set<Shegong.Web.Features.Indicators.PlanIndicator>().OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        string[] indicators = ["/indicators", "/indicators/new", $"/indicators/{indicator}", $"/indicators/{indicator}/edit"];
        var batch = await db.Set<PilotBatch>().OrderByDescending(b => b.Id).Select(b => b.Id).FirstAsync(Ct);
        var application = await db.Set<PilotApplication>().OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(Ct);
        var project = await db.Set<PilotProject>().OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
        // The plain-HTML pages (/volunteer/register, /my/volunteer, /request) never go live; the walk waits for that, so leaves them out.
        var volunteer = await db.Set<Shegong.Web.Features.Linkage.Volunteers.Volunteer>().OrderBy(v => v.Id).Select(v => v.Id).FirstAsync(Ct);
        var donation = await db.Set<Shegong.Web.Features.Linkage.Donations.Donation>().OrderBy(d => d.Id).Select(d => new { d.Id, d.DonorId, d.StationId }).FirstAsync(Ct);
        string[] donations = ["/donations", "/donations/new", $"/donations/{donation.Id}", $"/donations/{donation.Id}/edit", "/donors", "/donors/new",
            $"/donors/{donation.DonorId}", $"/linkage/stations/{donation.StationId}", $"/linkage/activity/{activity}"];
        var emergency = await db.Set<Shegong.Web.Features.Emergencies.Emergency>().OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct);
        return ["/", "/stations", $"/stations/{station}", "/stations/new", "/coverage", "/coverage/510104000000", "/regions/510104000000",
            "/workforce/social-workers", $"/workforce/social-workers/{worker}", "/workforce/social-workers/new", "/workforce/agencies",
            "/workforce/agencies/new", "/workforce/contracts", $"/workforce/contracts/{contract}", "/workforce/contracts/new",
            "/workforce/trainings", "/workforce/supervisions", "/workforce/summary", "/accounts", "/audit", "/cases/referrals", "/service-requests/new",
            "/today", "/pilots", "/pilots/applications", "/pilots/projects",
            "/groups", $"/groups/{group}", "/activities", $"/activities/{activity}", "/activities/new", $"/activities/{activity}/edit",
            "/organisations", "/organisations/new", $"/organisations/{organisation}", "/volunteer-teams", "/volunteer-teams/new", $"/volunteer-teams/{team}", .. indicators,
            "/pilots/new", $"/pilots/{batch}", $"/pilots/{batch}/choosing", $"/pilots/{batch}/dashboard", "/pilots/applications/new",
            $"/pilots/applications/{application}", $"/pilots/projects/{project}", "/volunteers", $"/volunteers/{volunteer}", .. donations,
            "/emergencies", "/emergencies/new", $"/emergencies/{emergency}", $"/emergencies/{emergency}/edit", $"/emergencies/{emergency}/report",
            "/volunteer-hours", "/emergency-reports",
            $"/linkage/activity/{activity}/link-donation"];
    }

    /// <summary>A group with a session and an activity to show (made once; both language tests walk them).</summary>
    private async Task<(int Group, int Activity)> GroupWorkPagesAsync()
    {
        await using var db = app.OpenDb();
        const string name = "语言巡检小组";
        if (await db.Set<Group>().Where(g => g.Name == name).Select(g => (int?)g.Id).FirstOrDefaultAsync(Ct) is { } known)
        {
            return (known, await db.Set<CommunityActivity>().Where(a => a.Title == name).Select(a => a.Id).FirstAsync(Ct));
        }
        var place = await GroupWorkSamples.PlaceAsync(app, "周淑珍", "吴国强");
        var group = await GroupWorkSamples.GroupAsync(app, place, name, withSession: true);
        return (group.Id, (await GroupWorkSamples.ActivityAsync(app, place, name)).Id);
    }

    private static async Task<string> TextOfAsync(IPage page, string path)
    {
        try
        {
            await page.OpenAsync(path);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{path} did not become live");
        }
        // The home page counts the whole province for its dashboard: on a busy test machine that takes a while.
        await Expect(page.Locator(".ant-spin-spinning")).ToHaveCountAsync(0, new() { Timeout = 90_000 });
        return await page.Locator("body").InnerTextAsync();
    }

    /// <summary>
    /// The words a settled page still shows: a word seen while a part of the page was still drawing (a chart's
    /// "loading" on a busy machine) counts only if it is still there once the page had time to finish.
    /// </summary>
    private static async Task<List<string>> StillShownAsync(IPage page, List<string> words)
    {
        var still = new List<string>();
        foreach (var word in words)
        {
            try
            {
                await Expect(page.Locator("body")).Not.ToContainTextAsync(new Regex($@"\b{Regex.Escape(word)}\b"), new() { Timeout = 10_000 });
            }
            catch (PlaywrightException)
            {
                still.Add(word);
            }
        }
        return still;
    }

    [Fact]
    public async Task Chinese_pages_show_no_code_names_or_English_words()
    {
        // Something in the audit trail to read: a saved station.
        await using var db = app.OpenDb();
        var userNames = (await db.Users.Select(u => u.UserName!).ToListAsync(Ct)).SelectMany(n => LatinWord().Matches(n).Select(m => m.Value));
        var allowed = LatinAllowed.Concat(userNames).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var page = await app.NewPageAsync();
        var failures = await LatinWordsAsync(page, await PagesAsync(), allowed);
        await page.ScreenshotAsync("language-zh-audit");
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, "Latin text on Chinese pages:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task English_pages_show_no_Chinese_apart_from_proper_names()
    {
        // The walk makes what its pages show first, so the names below include it.
        var paths = await PagesAsync();
        await using var db = app.OpenDb();
        var names = new List<string>();
        names.AddRange(await db.Regions.Select(r => r.Name).ToListAsync(Ct));
        names.AddRange(await db.Stations.Select(s => s.Name).ToListAsync(Ct));
        names.AddRange((await db.Stations.Select(s => s.Address).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.Agencies.Select(a => a.Name).ToListAsync(Ct));
        names.AddRange((await db.Agencies.Select(a => a.ContactPerson).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.SocialWorkers.Select(w => w.Name).ToListAsync(Ct));
        names.AddRange((await db.SocialWorkers.Select(w => w.Major).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.ServiceContracts.Select(c => c.Title).ToListAsync(Ct));
        // Values in the audit trail are what users typed, including names since changed (other tests rename stations).
        names.AddRange(await db.AuditEntries.Select(a => a.Changes).ToListAsync(Ct));
        // Evaluation notes are what the evaluator typed.
        names.AddRange((await db.ServiceContracts.SelectMany(c => c.Evaluations).Select(e => e.Notes).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.Users.Select(u => u.DisplayName).ToListAsync(Ct));
        // The referral inbox shows what the sending station wrote: the resident's name, the reason, the answer's note.
        names.AddRange(await db.Residents.Select(r => r.Name).ToListAsync(Ct));
        names.AddRange(await db.Set<CaseReferral>().Select(r => r.Reason + " " + r.TargetName + " " + r.FromStationName).ToListAsync(Ct));
        names.AddRange((await db.Set<ReferralAnswer>().Select(a => a.Note).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.Trainings.Select(t => t.Topic + " " + t.Leader).ToListAsync(Ct));
        names.AddRange(await db.Supervisions.Select(t => t.Topic + " " + t.Leader).ToListAsync(Ct));
        // Groups, sessions and activities are what users typed.
        names.AddRange(await db.Set<Group>().Select(g => g.Name + " " + g.Purpose).ToListAsync(Ct));
        names.AddRange(await db.Set<GroupSession>().Select(s => s.Content).ToListAsync(Ct));
        var activities = await db.Set<CommunityActivity>().Select(a => new[] { a.Title, a.Venue, a.Volunteers, a.Organisations, a.Description }).ToListAsync(Ct);
        names.AddRange(activities.SelectMany(a => a).OfType<string>());
        names.AddRange(await db.Set<PilotBatch>().Select(b => b.Name).ToListAsync(Ct));
        // An application's townships, reasons and a project's document numbers are what officials typed.
        names.AddRange((await db.Set<PilotApplicationTownship>().Select(t => new[] { t.PlannedStationName, t.Justification, t.DecisionReason })
            .ToListAsync(Ct)).SelectMany(t => t).OfType<string>());
        names.AddRange((await db.Set<PilotStep>().Select(s => s.Reason).ToListAsync(Ct)).OfType<string>());
        names.AddRange(await db.Set<PilotDisbursement>().Select(d => d.DocumentNumber).ToListAsync(Ct));
        names.AddRange((await db.Set<CommunityOrganisation>().Select(o => new[] { o.Name, o.LeaderName, o.Support }).ToListAsync(Ct)).SelectMany(o => o).OfType<string>());
        names.AddRange((await db.Set<VolunteerTeam>().Select(t => new[] { t.Name, t.LeaderName, t.Activities }).ToListAsync(Ct)).SelectMany(t => t).OfType<string>());
        // Plan indicators and volunteers are what officials, staff and volunteers typed.
        names.AddRange((await db.Set<Shegong.Web.Features.Indicators.PlanIndicator>().Select(i => new[] { i.Name, i.Note }).ToListAsync(Ct))
            .SelectMany(i => i).OfType<string>());
        names.AddRange((await db.Set<Shegong.Web.Features.Linkage.Volunteers.Volunteer>().Select(v => new[] { v.Name, v.Skills, v.Availability })
            .ToListAsync(Ct)).SelectMany(v => v).OfType<string>());
        // What volunteers logged doing, and why the station rejected it.
        names.AddRange((await db.Set<Shegong.Web.Features.Linkage.Volunteers.VolunteerHour>().Select(h => new[] { h.Activity, h.RejectReason }).Distinct()
            .ToListAsync(Ct)).SelectMany(h => h).OfType<string>());
        // Donors and donations are what station staff typed.
        names.AddRange((await db.Set<Shegong.Web.Features.Linkage.Donations.Donor>().Select(d => new[] { d.Name, d.ContactName, d.Note }).ToListAsync(Ct))
            .SelectMany(d => d).OfType<string>());
        names.AddRange(await db.Set<Shegong.Web.Features.Linkage.Donations.Donation>().Select(d => d.Description).Distinct().ToListAsync(Ct));
        // Emergencies' names and daily reports' notes are what officials and station staff typed.
        names.AddRange(await db.Set<Shegong.Web.Features.Emergencies.Emergency>().Select(e => e.Name).ToListAsync(Ct));
        names.AddRange((await db.Set<Shegong.Web.Features.Emergencies.EmergencyReport>().Select(r => r.Note).ToListAsync(Ct)).OfType<string>());
        var proper = names.SelectMany(n => ChineseRun().Matches(n).Select(m => m.Value)).ToHashSet();

        var page = await app.NewPageAsync();
        await page.GotoAsync("/culture/en?redirectUri=/");
        var failures = await ChineseRunsAsync(page, paths, proper);
        await page.ScreenshotAsync("language-en-contract");
        await page.Context.CloseAsync();
        Assert.True(failures.Count == 0, "Chinese text on English pages:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("demo-county")]
    [InlineData("demo-worker")]
    public async Task Coverage_opens_on_the_users_own_region(string userName)
    {
        await using var db = app.OpenDb();
        var regionCode = await db.Users.Where(u => u.UserName == userName).Select(u => u.RegionCode).SingleAsync(Ct);
        var regionName = await db.Regions.Where(r => r.Code == regionCode).Select(r => r.Name).SingleAsync(Ct);
        var page = await app.NewPageAsync(userName, DemoAccounts.Password);

        await page.OpenAsync("/coverage");
        await Expect(page.Locator("h1")).ToContainTextAsync(regionName);
        await Expect(page.Locator(".ant-alert-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("coverage-figures")).ToBeVisibleAsync();
        // A county's (or township's) own cards count townships, not "1 county, 0 fully covered".
        await Expect(page.Locator(".figure-counties")).ToHaveCountAsync(0);
        // Above the user's scope the breadcrumbs are text, not links.
        await Expect(page.Locator(".page-crumbs a[href='/coverage/510000000000']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".page-crumbs")).ToContainTextAsync("四川省");
        await Expect(page.Locator("a.coverage-export")).ToHaveAttributeAsync("href", $"/api/coverage/{regionCode}/export?ui-culture=zh-CN");
        await page.ScreenshotAsync($"coverage-{userName}");
        await page.Context.CloseAsync();
    }
}
