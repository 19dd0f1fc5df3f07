using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Casework;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Assessments;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Assessments;

public class AssessmentApiTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private HttpClient Worker => app.Worker;

    /// <summary>An assessment of a resident (or another subject) by worker 1 at the 锦官驿 station, every domain scored.</summary>
    public static Dictionary<string, object?> Form(CaseworkApp app, int? residentId, string subject = "Resident", int minutes = 60, uint? version = null, int skip = -1) => new()
    {
        ["subject"] = subject,
        ["residentId"] = residentId,
        ["householdId"] = subject == "Household" ? app.Household : null,
        ["villageCode"] = subject == "Community" ? app.Village : null,
        ["stationId"] = app.Station,
        ["assessorId"] = app.Worker1,
        ["assessedOn"] = "2025-04-01",
        ["channel"] = "HomeVisit",
        ["durationMinutes"] = minutes,
        ["identifiedNeeds"] = "需要助餐和定期探访",
        ["scores"] = Enum.GetValues<NeedDomain>().Where(d => (int)d != skip)
            .Select(d => new { domain = d.ToString(), score = d == NeedDomain.DailyCare ? 1 : 4, priority = d == NeedDomain.DailyCare ? "High" : "Low" }).ToList(),
        ["version"] = version,
    };

    private async Task<ServiceRecord?> RecordAsync(int id)
    {
        await using var db = app.OpenDb();
        return await db.ServiceRecords.Include(r => r.Beneficiaries).Include(r => r.Workers).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, Ct);
    }

    [Fact]
    public async Task An_assessment_makes_one_needs_assessment_record_that_follows_its_edits_and_goes_with_it()
    {
        await using var db = app.OpenDb();
        var before = await db.ServiceRecords.CountAsync(Ct);
        var created = await (await Worker.PostJsonAsync("/api/assessments", Form(app, app.Resident))).ReadAsync<AssessmentDetail>(HttpStatusCode.Created);

        Assert.Equal(before + 1, await db.ServiceRecords.CountAsync(Ct));
        Assert.Equal(8, created.Scores.Count);
        Assert.Equal("张大爷", created.SubjectName);
        var record = (await RecordAsync(created.ServiceRecordId))!;
        Assert.Equal(ServiceSource.Assessment, record.Source);
        Assert.Equal(ServiceCategory.NeedsAssessment, record.Category);
        Assert.Equal(1, record.PersonTimes);
        Assert.Equal(app.Resident, Assert.Single(record.Beneficiaries).ResidentId);
        Assert.Equal(app.Worker1, Assert.Single(record.Workers).SocialWorkerId);

        var edited = await (await Worker.PutJsonAsync($"/api/assessments/{created.Id}", Form(app, app.Resident, minutes: 120, version: created.Version)))
            .ReadAsync<AssessmentDetail>();
        Assert.Equal(created.ServiceRecordId, edited.ServiceRecordId);
        Assert.Equal(120, (await RecordAsync(created.ServiceRecordId))!.DurationMinutes);
        Assert.Equal(before + 1, await db.ServiceRecords.CountAsync(Ct));

        await (await Worker.PutJsonAsync($"/api/assessments/{created.Id}", Form(app, app.Resident, minutes: 30, version: created.Version))).ProblemAsync(HttpStatusCode.Conflict);
        var deleted = await Worker.DeleteAsync($"/api/assessments/{created.Id}?version={edited.Version}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Null(await RecordAsync(created.ServiceRecordId));
        Assert.Equal(before, await db.ServiceRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task A_household_assessment_serves_its_members_and_a_community_one_names_nobody()
    {
        var household = await (await Worker.PostJsonAsync("/api/assessments", Form(app, null, "Household"))).ReadAsync<AssessmentDetail>(HttpStatusCode.Created);
        Assert.Equal(2, (await RecordAsync(household.ServiceRecordId))!.PersonTimes);
        var community = await (await Worker.PostJsonAsync("/api/assessments", Form(app, null, "Community"))).ReadAsync<AssessmentDetail>(HttpStatusCode.Created);
        var record = (await RecordAsync(community.ServiceRecordId))!;
        Assert.Equal(ServiceMethod.CommunityWork, record.Method);
        Assert.Equal(0, record.PersonTimes);
    }

    [Fact]
    public async Task A_missing_domain_or_a_resident_elsewhere_is_refused_and_nothing_is_saved()
    {
        await using var db = app.OpenDb();
        var before = await db.ServiceRecords.CountAsync(Ct);
        var missing = await (await Worker.PostJsonAsync("/api/assessments", Form(app, app.Resident, skip: (int)NeedDomain.Safety))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("安全", missing.FieldError("scores"));
        var elsewhere = await (await app.Client.PostJsonAsync("/api/assessments", Form(app, app.QingyangResident))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(elsewhere.FieldError("residentId")));
        Assert.Equal(before, await db.ServiceRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task An_assessment_opens_a_case_and_is_seen_only_in_its_scope()
    {
        var a = await (await Worker.PostJsonAsync("/api/assessments", Form(app, app.Resident))).ReadAsync<AssessmentDetail>(HttpStatusCode.Created);
        var c = await (await Worker.PostJsonAsync("/api/cases", new
        {
            residentId = app.Resident,
            stationId = app.Station,
            workerId = app.Worker1,
            intakeSource = "NeedsAssessment",
            presentingProblem = a.IdentifiedNeeds,
            needsAssessmentId = a.Id,
        })).ReadAsync<CaseDetail>(HttpStatusCode.Created);
        Assert.Equal(a.Id, c.NeedsAssessmentId);
        Assert.Equal([c.Id], (await (await Worker.GetUrlAsync($"/api/assessments/{a.Id}")).ReadAsync<AssessmentDetail>()).CaseIds);

        await (await app.QingyangOfficer.GetUrlAsync($"/api/assessments/{a.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await app.QingyangOfficer.GetUrlAsync("/api/assessments")).ReadAsync<PagedResult<AssessmentRow>>();
        Assert.DoesNotContain(list.Items, r => r.Id == a.Id);
        // The assessment that opened a case stays.
        await (await Worker.DeleteAsync($"/api/assessments/{a.Id}?version={a.Version}", Ct)).ProblemAsync(HttpStatusCode.Conflict);
    }
}
