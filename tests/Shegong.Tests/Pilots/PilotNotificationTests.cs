using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>What waits for each role (GET /api/pilot-notifications), and the county's drafts that nobody else sees.</summary>
public class PilotNotificationTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private const string Zigong = "510300000000";
    private readonly PilotFlow flow = new(app);

    private static async Task<List<PilotNotice>> NoticesAsync(HttpClient client, string batchName) =>
        (await (await client.GetUrlAsync("/api/pilot-notifications")).ReadAsync<PilotNotices>()).Items.Where(n => n.BatchName == batchName).ToList();

    private static object Form(int batchId, string county, bool submit, uint? version = null) =>
        new { pilotBatchId = batchId, regionCode = county, townships = new[] { Township(Jinguanyi) }, version, submit };

    [Fact]
    public async Task A_draft_stays_with_its_county_until_submitted()
    {
        var batch = await flow.BatchAsync("草稿测试批次");
        var county = await flow.County(Jinjiang);
        var draft = await (await county.PostJsonAsync("/api/pilot-applications", Form(batch.Id, Jinjiang, submit: false)))
            .ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        Assert.Equal((PilotApplicationStatus.Draft, 0), (draft.Status, draft.Steps.Count));

        var city = await flow.City();
        var seenByCity = (await (await city.GetUrlAsync($"/api/pilot-applications?batchId={batch.Id}")).ReadAsync<PagedResult<PilotApplicationRow>>()).Items;
        Assert.Empty(seenByCity);
        Assert.Equal(HttpStatusCode.Conflict, (await ReviewAsync(city, draft.Id, "Approve")).StatusCode);
        Assert.Empty((await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}/choosing")).ReadAsync<PilotChoosing>()).Rows);

        var kept = await (await county.PutJsonAsync($"/api/pilot-applications/{draft.Id}", Form(batch.Id, Jinjiang, submit: false, draft.Version)))
            .ReadAsync<PilotApplicationDetail>();
        Assert.Equal(PilotApplicationStatus.Draft, kept.Status);
        var submitted = await (await county.PutJsonAsync($"/api/pilot-applications/{draft.Id}", Form(batch.Id, Jinjiang, submit: true, kept.Version)))
            .ReadAsync<PilotApplicationDetail>();
        Assert.Equal((PilotApplicationStatus.Submitted, PilotStepKind.Submitted), (submitted.Status, submitted.Steps.Single().Kind));
        Assert.Single((await (await city.GetUrlAsync($"/api/pilot-applications?batchId={batch.Id}")).ReadAsync<PagedResult<PilotApplicationRow>>()).Items);

        var again = await county.PutJsonAsync($"/api/pilot-applications/{draft.Id}", Form(batch.Id, Jinjiang, submit: false, submitted.Version));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("草稿或被退回", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_role_is_told_what_waits_for_it_in_its_scope()
    {
        const string name = "待办测试批次";
        var batch = await flow.BatchAsync(name);
        var jinjiangCounty = await flow.County(Jinjiang);
        var qingyangCounty = await flow.County(Qingyang);
        var city = await flow.City();
        var otherCity = await flow.City(Zigong);

        var open = Assert.Single(await NoticesAsync(jinjiangCounty, name));
        Assert.Equal((PilotNoticeKind.BatchAwaitsApplication, $"/pilots/applications/new?batchId={batch.Id}"), (open.Kind, open.Href));
        var draft = await (await jinjiangCounty.PostJsonAsync("/api/pilot-applications", Form(batch.Id, Jinjiang, submit: false)))
            .ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        Assert.Equal($"/pilots/applications/{draft.Id}", Assert.Single(await NoticesAsync(jinjiangCounty, name)).Href);
        Assert.Empty(await NoticesAsync(city, name));

        await (await jinjiangCounty.PutJsonAsync($"/api/pilot-applications/{draft.Id}", Form(batch.Id, Jinjiang, submit: true, draft.Version)))
            .ReadAsync<PilotApplicationDetail>();
        var qingyang = await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        Assert.Empty(await NoticesAsync(jinjiangCounty, name));
        var review = Assert.Single(await NoticesAsync(city, name));
        Assert.Equal((PilotNoticeKind.ApplicationsAwaitReview, 2), (review.Kind, review.Count));
        Assert.Empty(await NoticesAsync(otherCity, name));
        Assert.Empty(await NoticesAsync(flow.Province, name));

        await (await ReviewAsync(city, draft.Id, "Return", "请补充选址")).ReadAsync<PilotApplicationDetail>();
        var returned = Assert.Single(await NoticesAsync(jinjiangCounty, name));
        Assert.Equal((PilotNoticeKind.ApplicationReturned, $"/pilots/applications/{draft.Id}"), (returned.Kind, returned.Href));
        Assert.Empty(await NoticesAsync(qingyangCounty, name));
        Assert.Equal(1, Assert.Single(await NoticesAsync(city, name)).Count);

        await (await ReviewAsync(city, qingyang.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        var confirm = Assert.Single(await NoticesAsync(flow.Province, name));
        Assert.Equal((PilotNoticeKind.TownshipsAwaitConfirmation, 1, $"/pilots/{batch.Id}/choosing"), (confirm.Kind, confirm.Count, confirm.Href));

        await (await flow.DecideAsync(qingyang.Id, Xiyuhe, true)).ReadAsync<PilotApplicationDetail>();
        Assert.Empty(await NoticesAsync(flow.Province, name));
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Confirmed);
        // The new project has no carrying station yet: its problems reach everyone above it, and nobody beside it.
        foreach (var client in new[] { flow.Province, city, qingyangCounty })
        {
            var problems = Assert.Single(await NoticesAsync(client, name), n => n.Kind == PilotNoticeKind.ProjectsWithProblems);
            Assert.Equal(1, problems.Count);
        }
        Assert.DoesNotContain(await NoticesAsync(jinjiangCounty, name), n => n.Kind == PilotNoticeKind.ProjectsWithProblems);
        Assert.Empty(await NoticesAsync(otherCity, name));
    }
}
