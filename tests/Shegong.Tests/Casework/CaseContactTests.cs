using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Casework;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Casework;

public class CaseContactTests(CaseworkApp app) : IClassFixture<CaseworkApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private HttpClient Worker => app.Worker;

    private async Task<ServiceRecord?> RecordAsync(int id)
    {
        await using var db = app.OpenDb();
        return await db.ServiceRecords.Include(r => r.Workers).Include(r => r.Beneficiaries).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, Ct);
    }

    [Fact]
    public async Task Each_contact_makes_exactly_one_service_record_that_follows_its_edits_and_goes_with_it()
    {
        var c = await app.OpenCaseAsync();
        await using var db = app.OpenDb();
        var before = await db.ServiceRecords.CountAsync(Ct);

        c = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/contacts", CaseworkApp.Contact(c.Version, minutes: 45))).ReadAsync<CaseDetail>();

        Assert.Equal(before + 1, await db.ServiceRecords.CountAsync(Ct));
        var contact = Assert.Single(c.Contacts);
        var record = (await RecordAsync(contact.ServiceRecordId))!;
        Assert.Equal(ServiceSource.CaseContact, record.Source);
        Assert.Equal(ServiceMethod.Casework, record.Method);
        Assert.Equal(ServiceCategory.ElderlyAndChildCare, record.Category);
        Assert.Equal(ServiceChannel.HomeVisit, record.Channel);
        Assert.Equal(45, record.DurationMinutes);
        Assert.Equal(1, record.PersonTimes);
        Assert.Equal(app.Resident, Assert.Single(record.Beneficiaries).ResidentId);
        Assert.Equal(app.Worker1, Assert.Single(record.Workers).SocialWorkerId);
        Assert.Equal(app.Station, record.StationId);

        c = await (await Worker.PutJsonAsync($"/api/cases/{c.Id}/contacts/{contact.Id}",
            CaseworkApp.Contact(c.Version, minutes: 90, category: "SocialAssistance", on: "2025-03-12"))).ReadAsync<CaseDetail>();

        Assert.Equal(before + 1, await db.ServiceRecords.CountAsync(Ct));
        var revised = (await RecordAsync(contact.ServiceRecordId))!;
        Assert.Equal(90, revised.DurationMinutes);
        Assert.Equal(ServiceCategory.SocialAssistance, revised.Category);
        Assert.Equal(new DateOnly(2025, 3, 12), revised.ServedOn);

        await (await Worker.DeleteAsync($"/api/cases/{c.Id}/contacts/{contact.Id}?version={c.Version}", Ct)).ReadAsync<CaseDetail>();

        Assert.Null(await RecordAsync(contact.ServiceRecordId));
        Assert.Equal(before, await db.ServiceRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task A_bad_contact_is_refused_by_field_and_makes_no_record()
    {
        var c = await app.OpenCaseAsync();
        await using var db = app.OpenDb();
        var before = await db.ServiceRecords.CountAsync(Ct);
        var zero = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/contacts", CaseworkApp.Contact(c.Version, minutes: 0))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(zero.FieldError("durationMinutes")));
        var early = await (await Worker.PostJsonAsync($"/api/cases/{c.Id}/contacts", CaseworkApp.Contact(c.Version, on: "2025-01-01"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(early.FieldError("contactedOn")));
        Assert.Equal(before, await db.ServiceRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task Another_countys_officer_and_another_township_see_no_case()
    {
        var c = await app.OpenCaseAsync();
        foreach (var outsider in new[] { app.QingyangOfficer, app.SiblingStationManager })
        {
            await (await outsider.GetUrlAsync($"/api/cases/{c.Id}")).ProblemAsync(HttpStatusCode.NotFound);
            var list = await (await outsider.GetUrlAsync("/api/cases")).ReadAsync<PagedResult<CaseRow>>();
            Assert.DoesNotContain(list.Items, r => r.Id == c.Id);
            await (await outsider.PostJsonAsync($"/api/cases/{c.Id}/contacts", CaseworkApp.Contact(c.Version))).ProblemAsync(HttpStatusCode.NotFound);
        }
        var county = await (await app.Clients[Shegong.Web.Features.Accounts.AccountRole.CountyOfficer].GetUrlAsync($"/api/cases/{c.Id}")).ReadAsync<CaseDetail>();
        Assert.Equal("张大爷", county.ResidentName);
    }

    [Fact]
    public async Task A_case_takes_only_a_resident_of_its_stations_area()
    {
        var problem = await (await app.Client.PostJsonAsync("/api/cases", new
        {
            residentId = app.QingyangResident,
            stationId = app.Station,
            workerId = app.Worker1,
            intakeSource = "WalkIn",
            presentingProblem = "跨区",
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.FieldError("residentId")));
        // The township worker cannot even see that resident: the same 400.
        var hidden = await (await Worker.PostJsonAsync("/api/cases", new
        {
            residentId = app.QingyangResident,
            stationId = app.Station,
            workerId = app.Worker1,
            intakeSource = "WalkIn",
            presentingProblem = "跨区",
        })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(hidden.FieldError("residentId")));
    }
}
