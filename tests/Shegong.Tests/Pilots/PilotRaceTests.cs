using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>Pilot writes that race or come from a stale read: exactly one wins, the other gets 409 and nothing is doubled.</summary>
public class PilotRaceTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PilotFlow flow = new(app);

    [Fact]
    public async Task Two_confirmations_of_one_batch_at_once_make_its_projects_once()
    {
        var batch = await flow.BatchAsync("并发确认批次");
        var application = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        await (await ReviewAsync(await flow.City(), application.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        await (await flow.DecideAsync(application.Id, Jinguanyi, true)).ReadAsync<PilotApplicationDetail>();
        await (await flow.DecideAsync(application.Id, Donghu, true)).ReadAsync<PilotApplicationDetail>();
        var version = await flow.Province.VersionOfAsync($"/api/pilot-batches/{batch.Id}");

        var answers = await Task.WhenAll(
            flow.Province.PostJsonAsync($"/api/pilot-batches/{batch.Id}/move", new { status = "Confirmed", version }),
            flow.Province.PostJsonAsync($"/api/pilot-batches/{batch.Id}/move", new { status = "Confirmed", version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var db = app.OpenDb();
        var projects = await db.Set<PilotProject>().Where(p => p.PilotBatchId == batch.Id).Select(p => p.RegionCode).OrderBy(c => c).ToListAsync(Ct);
        Assert.Equal([Jinguanyi, Donghu], projects);
    }

    [Fact]
    public async Task Two_decisions_on_one_application_from_one_read_let_the_first_win()
    {
        var batch = await flow.BatchAsync("并发决定批次");
        var application = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi);
        await (await ReviewAsync(await flow.City(), application.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        var version = await flow.Province.VersionOfAsync($"/api/pilot-applications/{application.Id}");

        var answers = await Task.WhenAll(
            flow.Province.PostJsonAsync($"/api/pilot-applications/{application.Id}/decisions", new { townshipCode = Jinguanyi, confirm = true, version }),
            flow.Province.PostJsonAsync($"/api/pilot-applications/{application.Id}/decisions",
                new { townshipCode = Jinguanyi, confirm = false, reason = "名额已满", version }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).ReadAsync<PilotApplicationDetail>();
        var now = await (await flow.Province.GetUrlAsync($"/api/pilot-applications/{application.Id}")).ReadAsync<PilotApplicationDetail>();
        Assert.Equal(winner.Townships.Single().Decision, now.Townships.Single().Decision);
        Assert.Single(now.Steps, s => s.Kind is PilotStepKind.ProvinceConfirmed or PilotStepKind.ProvinceRejected);
    }

    [Fact]
    public async Task Two_applications_of_one_county_at_once_leave_one()
    {
        var batch = await flow.BatchAsync("并发申报批次");
        var county = await flow.County(Qingyang);

        var answers = await Task.WhenAll(ApplyAsync(county, batch.Id, Qingyang, Xiyuhe), ApplyAsync(county, batch.Id, Qingyang, Xiyuhe));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Set<PilotApplication>().CountAsync(a => a.PilotBatchId == batch.Id, Ct));
    }

    [Fact]
    public async Task A_stale_batch_edit_is_refused_and_changes_nothing()
    {
        var batch = await flow.BatchAsync("旧版本批次", PilotBatchStatus.Draft);
        var form = new
        {
            year = 2022,
            name = "旧版本批次",
            budget = 2_000_000m,
            targetCounties = 2,
            targetTownships = 3,
            opensOn = batch.OpensOn,
            closesOn = batch.ClosesOn,
            standardSubsidy = 200_000m,
            version = batch.Version,
        };
        await (await flow.Province.PutJsonAsync($"/api/pilot-batches/{batch.Id}", form)).ReadAsync<PilotBatchRow>();

        var stale = await flow.Province.PutJsonAsync($"/api/pilot-batches/{batch.Id}", form with { budget = 3_000_000m });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2_000_000m, (await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}")).ReadAsync<PilotBatchRow>()).Budget);
    }
}
