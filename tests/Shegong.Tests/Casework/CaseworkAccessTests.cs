using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Casework;

namespace Shegong.Tests.Casework;

/// <summary>
/// The access matrix of the casework and assessment endpoints: every role reads, lists, exports
/// and writes a case of the 锦官驿 township station (inside every role's scope but the sibling
/// township's). Agency managers see no residents' records; viewers read but never write.
/// </summary>
public class CaseworkAccessTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private static readonly AccountRole[] Writers =
        [AccountRole.ProvinceAdmin, AccountRole.CityOfficer, AccountRole.CountyOfficer, AccountRole.StationManager, AccountRole.SocialWorker];

    public static TheoryData<AccountRole> Roles() => new(Enum.GetValues<AccountRole>());

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Case_and_assessment_endpoints_answer_by_role(AccountRole role)
    {
        var c = await app.OpenCaseAsync(app.Client);
        var client = app.Clients[role];
        var reads = role is not (AccountRole.AgencyManager or AccountRole.Volunteer);
        var writes = Writers.Contains(role);
        var failures = new List<string>();
        async Task Expect(string name, Task<HttpResponseMessage> send, HttpStatusCode expected)
        {
            var actual = (await send).StatusCode;
            if (actual != expected)
            {
                failures.Add($"{role} {name}: expected {(int)expected}, got {(int)actual}");
            }
        }
        var readStatus = reads ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        await Expect("GET case", client.GetUrlAsync($"/api/cases/{c.Id}"), readStatus);
        await Expect("GET cases", client.GetUrlAsync("/api/cases"), readStatus);
        await Expect("GET cases export", client.GetUrlAsync("/api/cases/export"), readStatus);
        await Expect("GET incoming referrals", client.GetUrlAsync("/api/cases/referrals/incoming"), readStatus);
        await Expect("GET assessments", client.GetUrlAsync("/api/assessments"), readStatus);
        await Expect("GET assessments export", client.GetUrlAsync("/api/assessments/export"), readStatus);
        await Expect("PUT case", client.PutJsonAsync($"/api/cases/{c.Id}", new { intakeSource = "WalkIn", presentingProblem = "改", version = c.Version }),
            writes ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        var fresh = await (await app.Client.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        await Expect("POST stage", client.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Assessment", version = fresh.Version }),
            writes ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
        await Expect("POST case", client.PostJsonAsync("/api/cases", new { residentId = app.Resident, stationId = app.Station, workerId = app.Worker1, intakeSource = "WalkIn", presentingProblem = "新" }),
            writes ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        await Expect("POST assessment", client.PostJsonAsync("/api/assessments", Assessments.AssessmentApiTests.Form(app, app.Resident)),
            writes ? HttpStatusCode.Created : HttpStatusCode.Forbidden);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_sibling_townships_staff_neither_read_nor_write_a_case()
    {
        var c = await app.OpenCaseAsync();
        await (await app.SiblingStationManager.PutJsonAsync($"/api/cases/{c.Id}", new { intakeSource = "WalkIn", presentingProblem = "越权", version = c.Version }))
            .ProblemAsync(HttpStatusCode.NotFound);
        await (await app.SiblingStationManager.PostJsonAsync($"/api/cases/{c.Id}/stage", new { stage = "Assessment", version = c.Version }))
            .ProblemAsync(HttpStatusCode.NotFound);
        var back = await (await app.Worker.GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        Assert.Equal(CaseStage.Intake, back.Stage);
        Assert.Equal(c.Version, back.Version);
    }
}
