using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>The whole workflow over the API: apply → review → confirm → award → pay, with the choosing view's totals.</summary>
public class PilotWorkflowTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private readonly PilotFlow flow = new(app);

    [Fact]
    public async Task A_batch_goes_from_application_to_paid_projects_keeping_every_step()
    {
        var batch = await flow.BatchAsync("第二批试点");
        var jinjiang = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        Assert.Equal(PilotApplicationStatus.Submitted, jinjiang.Status);
        var qingyangCounty = await flow.County(Qingyang);
        var qingyang = await (await ApplyAsync(qingyangCounty, batch.Id, Qingyang, Xiyuhe)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);

        var city = await flow.City();
        await (await ReviewAsync(city, jinjiang.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        var returned = await (await ReviewAsync(city, qingyang.Id, "Return", "请补充站点选址")).ReadAsync<PilotApplicationDetail>();
        Assert.Equal(PilotApplicationStatus.Returned, returned.Status);
        var resubmitted = await (await qingyangCounty.PutJsonAsync($"/api/pilot-applications/{qingyang.Id}", new
        {
            pilotBatchId = batch.Id,
            regionCode = Qingyang,
            townships = new[] { Township(Xiyuhe, "西御河街道社工站") },
            version = returned.Version,
            note = "已补充选址",
        })).ReadAsync<PilotApplicationDetail>();
        Assert.Equal(("西御河街道社工站", PilotApplicationStatus.Submitted), (resubmitted.Townships.Single().PlannedStationName, resubmitted.Status));
        await (await ReviewAsync(city, qingyang.Id, "Approve")).ReadAsync<PilotApplicationDetail>();

        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        await (await flow.DecideAsync(jinjiang.Id, Jinguanyi, true, subsidy: 300_000m)).ReadAsync<PilotApplicationDetail>();
        await (await flow.DecideAsync(jinjiang.Id, Donghu, false, reason: "已有社工站")).ReadAsync<PilotApplicationDetail>();
        await (await flow.DecideAsync(qingyang.Id, Xiyuhe, true)).ReadAsync<PilotApplicationDetail>();

        var choosing = await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}/choosing")).ReadAsync<PilotChoosing>();
        Assert.Equal(3, choosing.Rows.Count);
        Assert.Equal((2, 2, 500_000m, 1_000_000m), (choosing.Totals.Counties, choosing.Totals.Townships, choosing.Totals.Yuan, choosing.Totals.Budget));

        await flow.MoveAsync(batch.Id, PilotBatchStatus.Confirmed);
        var projects = (await (await flow.Province.GetUrlAsync($"/api/pilot-projects?batchId={batch.Id}")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
        Assert.Equal([(Jinguanyi, 300_000m), (Xiyuhe, 200_000m)], projects.Select(p => (p.RegionCode, p.GrantedSubsidy)).ToList());

        var project = projects[0].Id;
        var url = $"/api/pilot-projects/{project}";
        await (await flow.Province.PostJsonAsync($"{url}/award", new { amount = 300_000m, on = "2022-10-01", version = await flow.Province.VersionOfAsync(url) }))
            .ReadAsync<PilotProjectDetail>();
        var county = await flow.County(Jinjiang);
        var paid = await (await county.PostJsonAsync($"{url}/disbursements",
            new { on = "2022-11-01", amount = 120_000m, documentNumber = "川民发〔2022〕12号", version = await county.VersionOfAsync(url) })).ReadAsync<PilotProjectDetail>();
        Assert.Equal((120_000m, 180_000m), (paid.Project.Paid, paid.Project.Balance));
        var over = await county.PostJsonAsync($"{url}/disbursements",
            new { on = "2022-12-01", amount = 200_000m, documentNumber = "川民发〔2022〕13号", version = paid.Version });
        Assert.Contains("超过核定补助", (await over.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        var steps = (await (await county.GetUrlAsync($"/api/pilot-applications/{jinjiang.Id}")).ReadAsync<PilotApplicationDetail>()).Steps;
        Assert.Equal([PilotStepKind.Submitted, PilotStepKind.CityApproved, PilotStepKind.ProvinceConfirmed, PilotStepKind.ProvinceRejected],
            steps.Select(s => s.Kind).ToList());
        Assert.Equal("已有社工站", steps[3].Reason);
        Assert.Equal("admin", steps[2].By);
        var dashboard = await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}/dashboard")).ReadAsync<List<PilotCityLine>>();
        Assert.Equal((Chengdu, 2, 2, 300_000m, 120_000m), dashboard.Select(l => (l.CityCode, l.Counties, l.Townships, l.Awarded, l.Paid)).Single());
    }

    [Fact]
    public async Task The_choosing_view_scores_priorities_and_shares_the_choices_that_meet_them()
    {
        await using (var db = app.OpenDb())
        {
            var county = db.Regions.Single(r => r.Code == Qingyang);
            county.IsGovernancePilot = true;
            db.Regions.Single(r => r.Code == Xiyuhe).IsCentralTown = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var batch = await flow.BatchAsync("优先级测试批次");
        var jinjiang = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi);
        var qingyang = await flow.AppliedAsync(batch.Id, Qingyang, Xiyuhe);
        var city = await flow.City();
        await ReviewAsync(city, jinjiang.Id, "Approve");
        await ReviewAsync(city, qingyang.Id, "Approve");
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        await flow.DecideAsync(jinjiang.Id, Jinguanyi, true);
        await flow.DecideAsync(qingyang.Id, Xiyuhe, true);

        var choosing = await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}/choosing")).ReadAsync<PilotChoosing>();
        Assert.Equal([(Xiyuhe, 70), (Jinguanyi, 0)], choosing.Rows.Select(r => (r.TownshipCode, r.Score)).ToList());
        var ascending = await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}/choosing?sort=score")).ReadAsync<PilotChoosing>();
        Assert.Equal(Jinguanyi, ascending.Rows[0].TownshipCode);
        Assert.Equal((1, 0.5, 1, 0.5, 0, 0.0), (choosing.Totals.GovernancePilotCounties, choosing.Totals.GovernancePilotShare,
            choosing.Totals.CentralTowns, choosing.Totals.CentralTownShare, choosing.Totals.RelocationSites, choosing.Totals.RelocationShare));
        Assert.Equal(400_000m, choosing.Totals.Yuan);
    }
}
