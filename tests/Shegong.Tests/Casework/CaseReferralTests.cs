using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Casework;

namespace Shegong.Tests.Casework;

public class CaseReferralTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private HttpClient Worker => app.Worker;

    private async Task<CaseDetail> ReferAsync(CaseDetail c, object form) =>
        await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/referrals", form)).ReadAsync<CaseDetail>();

    [Fact]
    public async Task A_referral_to_another_station_is_accepted_there_and_the_outcome_shows_on_the_case()
    {
        var c = await app.OpenCaseAsync();
        var station = app.StationIn[app.SiblingTownship];
        c = await ReferAsync(c, new { target = "Station", targetStationId = station, reason = "老人将搬到女儿家，由当地站点跟进", version = c.Version });
        var referral = Assert.Single(c.Referrals);
        Assert.Null(referral.Accepted);

        // The receiving station sees the referral in its inbox, but not the case itself.
        var inbox = await (await app.SiblingStationManager.GetUrlAsync("/api/cases/referrals/incoming?pending=true")).ReadAsync<PagedResult<ReferralRow>>();
        var incoming = Assert.Single(inbox.Items, r => r.Id == referral.Id);
        Assert.Equal("张大爷", incoming.ResidentName);
        Assert.Equal("锦官驿街道社工站", incoming.FromStationName);
        await (await app.SiblingStationManager.GetUrlAsync($"/api/cases/{c.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        // The sender cannot answer for the receiving station.
        await (await Worker.PostJsonAsync($"/api/cases/referrals/{referral.Id}/answer", new { accepted = true })).ProblemAsync(HttpStatusCode.Forbidden);

        var answer = await (await app.SiblingStationManager.PostJsonAsync($"/api/cases/referrals/{referral.Id}/answer", new { accepted = true, note = "已安排社工对接" }))
            .ReadAsync<ReferralRow>();
        Assert.True(answer.Accepted);

        var back = await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        var outcome = Assert.Single(back.Referrals);
        Assert.True(outcome.Accepted);
        Assert.Equal("已安排社工对接", outcome.AnswerNote);
        await (await app.SiblingStationManager.PostJsonAsync($"/api/cases/referrals/{referral.Id}/answer", new { accepted = false }))
            .ProblemAsync(HttpStatusCode.Conflict);
        var pending = await (await app.SiblingStationManager.GetUrlAsync("/api/cases/referrals/incoming?pending=true")).ReadAsync<PagedResult<ReferralRow>>();
        Assert.DoesNotContain(pending.Items, r => r.Id == referral.Id);
    }

    [Fact]
    public async Task A_referral_to_a_department_is_declined_as_the_sender_records_it()
    {
        var c = await app.OpenCaseAsync();
        c = await ReferAsync(c, new { target = "GovernmentDepartment", targetName = "锦江区医疗保障局", reason = "申请医疗救助", version = c.Version });
        var referral = Assert.Single(c.Referrals);
        // One unanswered referral at a time.
        await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/referrals", new { target = "Agency", targetName = "某基金会", reason = "再转介", version = c.Version }))
            .ProblemAsync(HttpStatusCode.Conflict);

        await (await Worker.PostJsonAsync($"/api/cases/referrals/{referral.Id}/answer", new { accepted = false, note = "不符合救助条件" })).ReadAsync<ReferralRow>();

        var back = await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        Assert.False(Assert.Single(back.Referrals).Accepted);
        Assert.Contains(back.Events, e => e.Kind == CaseEventKind.Referred && e.Note!.Contains("锦江区医疗保障局"));
        // Another county's officer cannot see or answer it.
        await (await app.QingyangOfficer.PostJsonAsync($"/api/cases/referrals/{referral.Id}/answer", new { accepted = true })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_referral_names_its_target()
    {
        var c = await app.OpenCaseAsync();
        var noName = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/referrals", new { target = "Agency", reason = "x", version = c.Version })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(noName.FieldError("targetName")));
        var ownStation = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/referrals", new { target = "Station", targetStationId = app.Station, reason = "x", version = c.Version }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(ownStation.FieldError("targetStationId")));
        Assert.Empty((await (await Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>()).Referrals);
    }
}
