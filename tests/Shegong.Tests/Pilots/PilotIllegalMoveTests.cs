using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Common;
using Shegong.Web.Features.Pilots;
using static Shegong.Tests.Pilots.PilotFlow;

namespace Shegong.Tests.Pilots;

/// <summary>Each illegal move is refused with a clear answer, and changes nothing.</summary>
public class PilotIllegalMoveTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private readonly PilotFlow flow = new(app);

    private static async Task<string> Refused(HttpResponseMessage response, HttpStatusCode status) =>
        (await response.ProblemAsync(status)).GetProperty("detail").GetString()!;

    [Fact]
    public async Task Applications_are_refused_for_another_county_by_other_roles_outside_the_window_and_twice()
    {
        var open = await flow.BatchAsync("申报规则批次");
        var jinjiang = await flow.County(Jinjiang);
        Assert.Contains("其他县", await Refused(await ApplyAsync(jinjiang, open.Id, Qingyang, Xiyuhe), HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsync(await flow.City(), open.Id, Jinjiang, Jinguanyi)).StatusCode);
        var notInCounty = await (await ApplyAsync(jinjiang, open.Id, Jinjiang, Xiyuhe)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("不是本县的乡镇", notInCounty.FieldError("townships[0].townshipCode"));
        var twice = await (await ApplyAsync(jinjiang, open.Id, Jinjiang, Jinguanyi, Jinguanyi)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("重复申报", twice.FieldError("townships[1].townshipCode"));

        var draft = await flow.BatchAsync("草稿批次", PilotBatchStatus.Draft);
        Assert.Contains("不接受申报", await Refused(await ApplyAsync(jinjiang, draft.Id, Jinjiang, Jinguanyi), HttpStatusCode.Conflict));
        var past = await flow.BatchAsync("已过申报期批次", daysFromToday: -40);
        Assert.Contains("不在申报期内", await Refused(await ApplyAsync(jinjiang, past.Id, Jinjiang, Jinguanyi), HttpStatusCode.Conflict));

        await (await ApplyAsync(jinjiang, open.Id, Jinjiang, Jinguanyi)).ReadAsync<PilotApplicationDetail>(HttpStatusCode.Created);
        Assert.Contains("已申报", await Refused(await ApplyAsync(jinjiang, open.Id, Jinjiang, Donghu), HttpStatusCode.Conflict));
        var mine = (await (await jinjiang.GetUrlAsync($"/api/pilot-applications?batchId={open.Id}")).ReadAsync<PagedResult<PilotApplicationRow>>()).Items;
        Assert.Equal(1, Assert.Single(mine).Townships);
    }

    [Fact]
    public async Task Only_the_city_reviews_once_and_the_province_confirms_only_what_the_city_approved_while_reviewing()
    {
        var batch = await flow.BatchAsync("审核规则批次");
        var application = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        Assert.Contains("市级", await Refused(await ReviewAsync(await flow.County(Jinjiang), application.Id, "Approve"), HttpStatusCode.Forbidden));
        var city = await flow.City();
        var noReason = await (await ReviewAsync(city, application.Id, "Reject")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("理由", noReason.FieldError("reason"));

        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        Assert.Contains("尚未审核通过", await Refused(await flow.DecideAsync(application.Id, Jinguanyi, true), HttpStatusCode.Conflict));
        await (await ReviewAsync(city, application.Id, "Approve")).ReadAsync<PilotApplicationDetail>();
        Assert.Contains("不在待市级审核", await Refused(await ReviewAsync(city, application.Id, "Reject", "重复"), HttpStatusCode.Conflict));

        var cityDecides = await city.PostJsonAsync($"/api/pilot-applications/{application.Id}/decisions",
            new { townshipCode = Jinguanyi, confirm = true, version = await city.VersionOfAsync($"/api/pilot-applications/{application.Id}") });
        Assert.Contains("省级", await Refused(cityDecides, HttpStatusCode.Forbidden));
        await (await flow.DecideAsync(application.Id, Jinguanyi, true)).ReadAsync<PilotApplicationDetail>();
        Assert.Contains("未作决定", await Refused(await flow.MoveResponseAsync(batch.Id, PilotBatchStatus.Confirmed), HttpStatusCode.Conflict));
        Assert.Contains("不能从", await Refused(await flow.MoveResponseAsync(batch.Id, PilotBatchStatus.Open), HttpStatusCode.Conflict));
        var detail = await (await flow.Province.GetUrlAsync($"/api/pilot-batches/{batch.Id}")).ReadAsync<PilotBatchRow>();
        Assert.Equal(PilotBatchStatus.Reviewing, detail.Status);
    }

    [Fact]
    public async Task After_confirmation_only_an_amendment_with_a_reason_changes_a_township_and_its_project_follows()
    {
        var batch = await flow.BatchAsync("修正规则批次");
        var application = await flow.AppliedAsync(batch.Id, Jinjiang, Jinguanyi, Donghu);
        await ReviewAsync(await flow.City(), application.Id, "Approve");
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Reviewing);
        await flow.DecideAsync(application.Id, Jinguanyi, true);
        await flow.DecideAsync(application.Id, Donghu, false, reason: "名额已满");
        await flow.MoveAsync(batch.Id, PilotBatchStatus.Confirmed);

        Assert.Contains("修正", await Refused(await flow.DecideAsync(application.Id, Donghu, true), HttpStatusCode.Conflict));
        var noReason = await (await flow.DecideAsync(application.Id, Donghu, true, verb: "amendments")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("理由", noReason.FieldError("reason"));
        var amended = await (await flow.DecideAsync(application.Id, Donghu, true, 150_000m, "省厅追加名额", "amendments")).ReadAsync<PilotApplicationDetail>();
        Assert.Equal((PilotStepKind.Amended, "省厅追加名额"), (amended.Steps[^1].Kind, amended.Steps[^1].Reason));
        var projects = (await (await flow.Province.GetUrlAsync($"/api/pilot-projects?batchId={batch.Id}")).ReadAsync<PagedResult<PilotProjectRow>>()).Items;
        Assert.Equal([(Jinguanyi, 200_000m), (Donghu, 150_000m)], projects.Select(p => (p.RegionCode, p.GrantedSubsidy)).ToList());

        var url = $"/api/pilot-projects/{projects[0].Id}";
        var unpaid = await flow.Province.PostJsonAsync($"{url}/disbursements",
            new { on = "2022-11-01", amount = 1_000m, documentNumber = "1号", version = await flow.Province.VersionOfAsync(url) });
        Assert.Contains("尚未核定", await Refused(unpaid, HttpStatusCode.Conflict));
        var county = await flow.County(Jinjiang);
        var countyAwards = await county.PostJsonAsync($"{url}/award", new { amount = 1_000m, version = await county.VersionOfAsync(url) });
        Assert.Contains("省级", await Refused(countyAwards, HttpStatusCode.Forbidden));
        await flow.Province.PostJsonAsync($"{url}/award", new { amount = 200_000m, on = "2022-10-01", version = await flow.Province.VersionOfAsync(url) });
        await flow.Province.PostJsonAsync($"{url}/disbursements",
            new { on = "2022-11-01", amount = 1_000m, documentNumber = "1号", version = await flow.Province.VersionOfAsync(url) });
        var withdraw = await flow.DecideAsync(application.Id, Jinguanyi, false, reason: "撤销", verb: "amendments");
        Assert.Contains("拨付", await Refused(withdraw, HttpStatusCode.Conflict));
        Assert.Equal(2, (await (await flow.Province.GetUrlAsync($"/api/pilot-projects?batchId={batch.Id}")).ReadAsync<PagedResult<PilotProjectRow>>()).Total);
    }
}
