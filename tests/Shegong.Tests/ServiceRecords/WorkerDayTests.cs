using System.Net;
using Shegong.Tests.Casework;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.ServiceRecords;

namespace Shegong.Tests.ServiceRecords;

/// <summary>
/// The "today" lists through <c>GET /api/service-records/today</c>, for an account linked to worker 1:
/// exactly that worker's due cases, assigned requests and groups meeting, nobody else's.
/// </summary>
public class WorkerDayTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private sealed record Day(int? SocialWorkerId, DateOnly Today, List<DueCase> Cases, List<AssignedRequest> Requests, List<GroupMeeting> Groups);
    private sealed record Created(int Id, uint Version);

    private HttpClient Worker => app.Worker;

    [Fact]
    public async Task The_today_lists_hold_exactly_the_linked_workers_due_cases_assigned_requests_and_groups_meeting()
    {
        var unlinked = await (await Worker.GetUrlAsync("/api/service-records/today")).ReadAsync<Day>();
        Assert.Equal((null, 0, 0, 0), (unlinked.SocialWorkerId, unlinked.Cases.Count, unlinked.Requests.Count, unlinked.Groups.Count));
        var today = unlinked.Today;
        var me = await LinkedClientAsync();

        // Cases: one idle since it opened (follow-up due), one with a contact today (not due), one whose goal was due yesterday, one of worker 2.
        var idle = await app.OpenCaseAsync();
        var active = await app.OpenCaseAsync();
        await (await Worker.PostJsonAsync($"/api/cases/{active.Id}/contacts", CaseworkApp.Contact(active.Version, on: Iso(today)))).ReadAsync<CaseDetail>();
        var planned = await GoalDueAsync(today.AddDays(-1));
        var transferred = await app.OpenCaseAsync();
        var others = await (await Worker.PostJsonAsync($"/api/cases/{transferred.Id}/transfer",
            new { workerId = app.Worker2, reason = "工作调整", version = transferred.Version })).ReadAsync<CaseDetail>();

        // Requests: assigned to worker 1, visited by worker 1, assigned to worker 2, only triaged.
        var mine = await RequestAsync(app.Worker1);
        var visited = await RequestAsync(app.Worker1);
        await (await Worker.PostJsonAsync($"/api/service-requests/{visited.Id}/visit", new { note = "已上门", version = visited.Version })).ReadAsync<Created>();
        await RequestAsync(app.Worker2);
        await RequestAsync(null);

        // Groups: not met yet (meets now), weekly and due today, a 20-day rhythm next meeting in 10 days, worker 2's.
        var fresh = await GroupAsync(app.Worker1);
        var weekly = await GroupAsync(app.Worker1, today.AddDays(-14), today.AddDays(-7));
        await GroupAsync(app.Worker1, today.AddDays(-30), today.AddDays(-10));
        await GroupAsync(app.Worker2);

        var day = await (await me.GetUrlAsync("/api/service-records/today")).ReadAsync<Day>();

        Assert.Equal(app.Worker1, day.SocialWorkerId);
        Assert.Equal([(idle.Id, CaseDueReason.FollowUp), (planned, CaseDueReason.GoalDue)],
            day.Cases.Select(c => (c.Id, c.Reason)).OrderBy(c => c.Id));
        Assert.DoesNotContain(day.Cases, c => c.Id == active.Id || c.Id == others.Id);
        Assert.Equal(new DateOnly(2025, 3, 15), day.Cases.Single(c => c.Id == idle.Id).DueOn);
        Assert.Equal("按时复诊", day.Cases.Single(c => c.Id == planned).Goal);
        Assert.Equal([mine.Id, visited.Id], day.Requests.Select(r => r.Id).Order());
        Assert.Equal([fresh, weekly], day.Groups.Select(g => g.Id).Order());
        Assert.Equal(today, day.Groups.Single(g => g.Id == weekly).NextOn);
    }

    [Fact]
    public async Task An_account_links_only_to_a_worker_of_its_station_and_one_account_per_worker()
    {
        var wrong = await (await app.Client.PostJsonAsync("/api/accounts", Account("link-wrong", app.SiblingWorker))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("站点", wrong.FieldError("socialWorkerId"));
        var id = await app.CreateAccountAsync("link-later", Web.Features.Accounts.AccountRole.SocialWorker, stationId: app.Station);
        await (await app.AccountActionAsync(app.Client, id, "social-worker", new { socialWorkerId = app.Worker2 })).ReadAsync<object>();
        await (await app.Client.PostJsonAsync("/api/accounts", Account("link-twice", app.Worker2))).ProblemAsync(HttpStatusCode.Conflict);
    }

    private object Account(string userName, int worker) => new
    {
        userName,
        password = TestApp.Password,
        displayName = userName,
        role = "SocialWorker",
        stationId = app.Station,
        socialWorkerId = worker,
    };

    private async Task<HttpClient> LinkedClientAsync()
    {
        await (await app.Client.PostJsonAsync("/api/accounts", Account("today-worker1", app.Worker1))).ReadAsync<object>(HttpStatusCode.Created);
        return await app.SignedInClientAsync("today-worker1", TestApp.Password);
    }

    /// <summary>A case moved to intervention today with one goal due on <paramref name="due"/>.</summary>
    private async Task<int> GoalDueAsync(DateOnly due)
    {
        var c = await app.OpenCaseAsync();
        c = await MoveAsync(c, new { stage = "Assessment", version = c.Version });
        c = await MoveAsync(c, new { stage = "Planning", assessmentSummary = "行动不便", version = c.Version });
        await MoveAsync(c, new { stage = "Intervention", planSummary = "每周探访", goals = new[] { new { description = "按时复诊", dueOn = Iso(due) } }, version = c.Version });
        return c.Id;
    }

    private async Task<CaseDetail> MoveAsync(CaseDetail c, object form) =>
        await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/stage", form)).ReadAsync<CaseDetail>();

    /// <summary>A request triaged to the station and, when a worker is given, assigned to them.</summary>
    private async Task<Created> RequestAsync(int? worker)
    {
        var raised = await (await Worker.PostJsonAsync("/api/service-requests", new { origin = "WalkIn", contactName = "来访居民", villageCode = app.Village, need = "需要办理低保咨询" }))
            .ReadAsync<Created>(HttpStatusCode.Created);
        var triaged = await (await Worker.PostJsonAsync($"/api/service-requests/{raised.Id}/triage", new { stationId = app.Station, category = "SocialAssistance", version = raised.Version }))
            .ReadAsync<Created>();
        return worker is { } w
            ? await (await Worker.PostJsonAsync($"/api/service-requests/{raised.Id}/assign", new { workerId = w, version = triaged.Version })).ReadAsync<Created>()
            : triaged;
    }

    private async Task<int> GroupAsync(int leader, params DateOnly[] sessions)
    {
        var group = await (await Worker.PostJsonAsync("/api/groups", new
        {
            stationId = app.Station,
            name = $"互助小组{Guid.NewGuid():N}"[..10],
            purpose = "增进邻里互助",
            type = "Support",
            category = "ElderlyAndChildCare",
            leaderId = leader,
            plannedSessions = 6,
        })).ReadAsync<Created>(HttpStatusCode.Created);
        foreach (var on in sessions)
        {
            await (await Worker.PostJsonAsync($"/api/groups/{group.Id}/sessions", new { date = Iso(on), durationMinutes = 60, content = "分享与讨论", headCount = 3 }))
                .ReadAsync<Created>(HttpStatusCode.Created);
        }
        return group.Id;
    }

    private static string Iso(DateOnly on) => on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
