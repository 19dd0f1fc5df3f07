using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Linkage.Donations;
using Shegong.Web.Features.ServiceRecords;
using Shegong.Web.Features.Services;

namespace Shegong.Tests.Linkage;

public partial class DonationTests(DonationApp app) : IClassFixture<DonationApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<decimal> LinkedYuanAsync(string region) =>
        (await (await app.Client.GetUrlAsync($"/api/statistics/summary?region={region}&from=2025-01-01&to=2025-12-31")).ReadAsync<JsonElement>())
            .GetProperty("resourceLinkingYuan").GetDecimal();

    private async Task<JsonElement> DonationAsync(int id, HttpClient? client = null) =>
        await (await (client ?? app.Client).GetUrlAsync($"/api/donations/{id}")).ReadAsync<JsonElement>();

    [Fact]
    public async Task A_donation_linked_to_a_resident_makes_exactly_one_resource_linking_record_and_its_yuan_are_counted_once()
    {
        var region = AccessApp.Jinguanyi;
        var id = await app.DonationAsync(region, 1000m);
        var before = await LinkedYuanAsync(region);
        var worker = app.Clients[AccountRole.SocialWorker];
        var version = (await DonationAsync(id)).GetProperty("version").GetUInt32();

        var linked = await (await worker.PostJsonAsync($"/api/donations/{id}/links", DonationApp.LinkForm(app.Residents[region], 300m, version)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);

        Assert.Equal(700m, linked.GetProperty("balanceYuan").GetDecimal());
        var link = Assert.Single(linked.GetProperty("links").EnumerateArray());
        Assert.Equal($"受助人{region[^4..]}", link.GetProperty("targetName").GetString());
        await using (var db = app.OpenDb())
        {
            var records = await db.ServiceRecords.Include(r => r.Beneficiaries)
                .Where(r => r.Source == ServiceSource.DonationLink && r.Id == link.GetProperty("serviceRecordId").GetInt32()).ToListAsync(Ct);
            var record = Assert.Single(records);
            Assert.Equal(ServiceCategory.ResourceLinking, record.Category);
            Assert.Equal(300m, record.ValueYuan);
            Assert.Equal(app.Residents[region], Assert.Single(record.Beneficiaries).ResidentId);
            Assert.Equal(1, await db.Set<DonationLink>().CountAsync(l => l.DonationId == id, Ct));
        }
        Assert.Equal(before + 300m, await LinkedYuanAsync(region));
        Assert.Equal(before + 300m, await LinkedYuanAsync(AccessApp.Jinjiang));

        // The record is the link's: it cannot be corrected or deleted on its own, so its yuan cannot be entered twice.
        var recordId = link.GetProperty("serviceRecordId").GetInt32();
        var edit = await app.Client.DeleteAsync($"/api/service-records/{recordId}?version=1", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        Assert.Equal(before + 300m, await LinkedYuanAsync(region));

        // Undoing the link removes its record and returns its yuan to the balance.
        var now = (await DonationAsync(id)).GetProperty("version").GetUInt32();
        var undone = await (await worker.DeleteAsync($"/api/donations/{id}/links/{link.GetProperty("id").GetInt32()}?version={now}", Ct)).ReadAsync<JsonElement>();
        Assert.Equal(1000m, undone.GetProperty("balanceYuan").GetDecimal());
        Assert.Equal(before, await LinkedYuanAsync(region));
        await using var after = app.OpenDb();
        Assert.False(await after.ServiceRecords.AnyAsync(r => r.Id == recordId, Ct));
    }

    [Fact]
    public async Task Linking_more_than_the_balance_or_bad_links_are_refused_with_the_field_and_save_nothing()
    {
        var region = AccessApp.Jinguanyi;
        var id = await app.DonationAsync(region, 500m);
        var version = (await DonationAsync(id)).GetProperty("version").GetUInt32();
        var first = await (await app.Client.PostJsonAsync($"/api/donations/{id}/links", DonationApp.LinkForm(app.Residents[region], 400m, version)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        version = first.GetProperty("version").GetUInt32();
        await using var before = app.OpenDb();
        var (records, links, yuan) = (await before.ServiceRecords.CountAsync(Ct), await before.Set<DonationLink>().CountAsync(Ct), await LinkedYuanAsync(region));

        async Task<string> RefusedAsync(object form, string field) =>
            (await (await app.Client.PostJsonAsync($"/api/donations/{id}/links", form)).ProblemAsync(HttpStatusCode.BadRequest)).FieldError(field);
        var over = await RefusedAsync(DonationApp.LinkForm(app.Residents[region], 100.01m, version), "amountYuan");
        Assert.Contains("余额100", over);
        Assert.Contains("分", await RefusedAsync(DonationApp.LinkForm(app.Residents[region], 1.005m, version), "amountYuan"));
        Assert.Contains("0.01", await RefusedAsync(DonationApp.LinkForm(app.Residents[region], 0m, version), "amountYuan"));
        Assert.Contains("管辖范围", await RefusedAsync(DonationApp.LinkForm(999999, 10m, version), "targetId"));
        // The received date reads as everywhere else in the UI, not as the culture's 2025/3/1.
        Assert.Contains("接收日期2025-03-01", await RefusedAsync(DonationApp.LinkForm(app.Residents[region], 10m, version, linkedOn: "2025-02-01"), "linkedOn"));
        Assert.NotEmpty(await RefusedAsync(DonationApp.LinkForm(app.Residents[region], 10m, version: null), "version"));
        // Lowering the value below what is linked is refused too.
        var lower = await (await app.Client.PutJsonAsync($"/api/donations/{id}", DonationApp.DonationForm(app.Donors[region], app.StationIn[region], 300m,
            version: version))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("400", lower.FieldError("valueYuan"));

        await using var after = app.OpenDb();
        Assert.Equal(records, await after.ServiceRecords.CountAsync(Ct));
        Assert.Equal(links, await after.Set<DonationLink>().CountAsync(Ct));
        Assert.Equal(yuan, await LinkedYuanAsync(region));
        Assert.Equal(100m, (await DonationAsync(id)).GetProperty("balanceYuan").GetDecimal());
    }

    [Fact]
    public async Task Two_links_racing_for_the_last_yuan_let_one_win_and_the_other_gets_409()
    {
        var region = AccessApp.Jinguanyi;
        var id = await app.DonationAsync(region, 100m);
        var version = (await DonationAsync(id)).GetProperty("version").GetUInt32();
        var answers = await Task.WhenAll(
            app.Client.PostJsonAsync($"/api/donations/{id}/links", DonationApp.LinkForm(app.Residents[region], 60m, version)),
            app.Clients[AccountRole.StationManager].PostJsonAsync($"/api/donations/{id}/links", DonationApp.LinkForm(app.Residents[region], 60m, version)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        Assert.Equal(40m, (await DonationAsync(id)).GetProperty("balanceYuan").GetDecimal());

        // Two writers that both read the donation before either saves: the database admits one (the donation's token moved).
        var another = await app.DonationAsync(region, 100m);
        await using var first = app.OpenDb();
        await using var second = app.OpenDb();
        foreach (var db in new[] { first, second })
        {
            var donation = await db.Set<Donation>().Include(d => d.Links).SingleAsync(d => d.Id == another, Ct);
            var facts = new ServiceFacts(new DateOnly(2025, 4, 2), ServiceCategory.ResourceLinking, ServiceMethod.Other, ServiceChannel.WalkIn, 0, [],
                [app.Residents[region]], 0, 60m);
            donation.Link(LinkTarget.Resident, app.Residents[region], 60m, new DateOnly(2025, 4, 2),
                ServiceRecord.Create(ServiceSource.DonationLink, donation.StationId, donation.RegionCode, facts));
        }
        await first.SaveChangesAsync(Ct);
        var lost = await Assert.ThrowsAsync<RequestProblem>(() => second.SaveChangesAsync(Ct));
        Assert.Equal(StatusCodes.Status409Conflict, lost.Status);
        await using var check = app.OpenDb();
        Assert.Equal(1, await check.Set<DonationLink>().CountAsync(l => l.DonationId == another, Ct));
        Assert.Equal(60m, (await check.Set<Donation>().SingleAsync(d => d.Id == another, Ct)).LinkedYuan);
    }

    [Fact]
    public async Task A_station_worker_cannot_see_or_link_another_stations_donations_and_balances_follow_the_scope()
    {
        var worker = app.Clients[AccountRole.SocialWorker];
        var sibling = app.Donations[app.SiblingTownship];
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/donations/{sibling}")).StatusCode);
        var version = (await DonationAsync(sibling)).GetProperty("version").GetUInt32();
        Assert.Equal(HttpStatusCode.NotFound,
            (await worker.PostJsonAsync($"/api/donations/{sibling}/links", DonationApp.LinkForm(app.Residents[AccessApp.Jinguanyi], 1m, version))).StatusCode);
        var listed = await (await worker.GetUrlAsync("/api/donations?pageSize=100")).ReadAsync<JsonElement>();
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetInt32() == sibling);
        // Nor may an own donation go to a resident of another station.
        var own = await app.DonationAsync(AccessApp.Jinguanyi, 50m);
        var ownVersion = (await DonationAsync(own)).GetProperty("version").GetUInt32();
        var foreign = await (await worker.PostJsonAsync($"/api/donations/{own}/links", DonationApp.LinkForm(app.Residents[app.SiblingTownship], 1m, ownVersion)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("管辖范围", foreign.FieldError("targetId"));

        // Balances per station: the worker sees their station's only; the county officer both of 锦江区's.
        var mine = await (await worker.GetUrlAsync("/api/donations/balances")).ReadAsync<JsonElement>();
        Assert.Equal([app.StationIn[AccessApp.Jinguanyi]], mine.EnumerateArray().Select(s => s.GetProperty("stationId").GetInt32()));
        var county = await (await app.Clients[AccountRole.CountyOfficer].GetUrlAsync("/api/donations/balances")).ReadAsync<JsonElement>();
        Assert.Equal([app.StationIn[AccessApp.Jinguanyi], app.StationIn[app.SiblingTownship]],
            county.EnumerateArray().Select(s => s.GetProperty("stationId").GetInt32()).Order());
        var siblingRow = county.EnumerateArray().Single(s => s.GetProperty("stationId").GetInt32() == app.StationIn[app.SiblingTownship]);
        Assert.Equal(siblingRow.GetProperty("receivedYuan").GetDecimal() - siblingRow.GetProperty("linkedYuan").GetDecimal(),
            siblingRow.GetProperty("balanceYuan").GetDecimal());
    }

    [Fact]
    public async Task The_balance_per_donor_is_what_it_gave_less_what_was_linked()
    {
        var region = AccessApp.Qingyang;
        var donor = await (await app.Client.PostJsonAsync("/api/donors", DonationApp.DonorForm(app.StationIn[region], "青羊慈善基金会", "Foundation")))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var donorId = donor.GetProperty("id").GetInt32();
        var first = await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donorId, app.StationIn[region], 800m)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await app.Client.PostJsonAsync("/api/donations", DonationApp.DonationForm(donorId, app.StationIn[region], 200.5m))).ReadAsync<JsonElement>(HttpStatusCode.Created);
        await (await app.Client.PostJsonAsync($"/api/donations/{first.GetProperty("id").GetInt32()}/links",
            DonationApp.LinkForm(app.Residents[region], 250m, first.GetProperty("version").GetUInt32()))).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var read = await (await app.Client.GetUrlAsync($"/api/donors/{donorId}")).ReadAsync<JsonElement>();
        Assert.Equal(1000.5m, read.GetProperty("receivedYuan").GetDecimal());
        Assert.Equal(250m, read.GetProperty("linkedYuan").GetDecimal());
        Assert.Equal(750.5m, read.GetProperty("balanceYuan").GetDecimal());
        var row = (await (await app.Client.GetUrlAsync("/api/donors?search=青羊慈善基金会")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(750.5m, row.GetProperty("balanceYuan").GetDecimal());
    }
    [Fact]
    public async Task The_linkage_view_lists_what_was_linked_to_a_need_and_a_stations_partners()
    {
        var region = AccessApp.Jinguanyi;
        var id = await app.DonationAsync(region, 900m);
        var version = (await DonationAsync(id)).GetProperty("version").GetUInt32();
        await (await app.Client.PostJsonAsync($"/api/donations/{id}/links", DonationApp.LinkForm(app.Residents[region], 123.45m, version)))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        var worker = app.Clients[AccountRole.SocialWorker];

        var linked = await (await worker.GetUrlAsync($"/api/linkage/linked?target=Resident&id={app.Residents[region]}")).ReadAsync<JsonElement>();
        var entry = linked.GetProperty("donations").EnumerateArray().Single(d => d.GetProperty("donationId").GetInt32() == id);
        Assert.Equal(123.45m, entry.GetProperty("amountYuan").GetDecimal());
        Assert.Equal($"爱心企业{region}", entry.GetProperty("donorName").GetString());
        Assert.Equal(linked.GetProperty("donations").EnumerateArray().Sum(d => d.GetProperty("amountYuan").GetDecimal()), linked.GetProperty("donatedYuan").GetDecimal());

        var station = await (await worker.GetUrlAsync($"/api/linkage/stations/{app.StationIn[region]}")).ReadAsync<JsonElement>();
        Assert.Contains(station.GetProperty("donors").EnumerateArray(), d => d.GetProperty("id").GetInt32() == app.Donors[region]);
        Assert.True(station.GetProperty("linked").EnumerateArray().Single(l => l.GetProperty("target").GetString() == "Resident")
            .GetProperty("yuan").GetDecimal() >= 123.45m);
        // Another station's view, and a resident of another station, are out of the worker's reach.
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/linkage/stations/{app.StationIn[app.SiblingTownship]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetUrlAsync($"/api/linkage/linked?target=Resident&id={app.Residents[app.SiblingTownship]}")).StatusCode);
    }
}
