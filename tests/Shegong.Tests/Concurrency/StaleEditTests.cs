using System.Net;
using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Tests.Workforce;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Workforce.Agencies;

namespace Shegong.Tests.Concurrency;

/// <summary>Every editable record hands out its version; an edit sent with a version someone else has moved on from is a 409.</summary>
public class StaleEditTests(WorkforceApp app) : IClassFixture<WorkforceApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agency_edit_from_an_old_read_is_refused_and_the_newer_edit_stays()
    {
        var id = await app.AgencyAsync("版本测试社工中心", CreditCodes.Make(81), "510104000000");
        var read = await (await app.Client.GetUrlAsync($"/api/agencies/{id}")).ReadAsync<AgencyDetail>();
        object Form(string name) => new { name, creditCode = read.CreditCode, regionCode = read.RegionCode, status = "Active", version = read.Version };

        var first = await (await app.Client.PutJsonAsync($"/api/agencies/{id}", Form("先改的机构名"))).ReadAsync<AgencyDetail>();
        var stale = await (await app.Client.PutJsonAsync($"/api/agencies/{id}", Form("后改的机构名"))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.NotEqual(read.Version, first.Version);
        Assert.Contains("已被其他人修改", stale.GetProperty("detail").GetString());
        await using var db = app.OpenDb();
        Assert.Equal("先改的机构名", (await db.Agencies.SingleAsync(a => a.Id == id, Ct)).Name);
    }

    [Fact]
    public async Task A_region_edit_from_an_old_read_is_refused_and_the_newer_edit_stays()
    {
        const string code = "510104035000";
        var read = await (await app.Client.GetUrlAsync($"/api/regions/{code}")).ReadAsync<RegionDetail>();

        await (await app.Client.PutJsonAsync($"/api/regions/{code}", new { isCentralTown = false, isRelocationSite = false, isGovernancePilot = false, urbanRuralCode = (string?)null, residentPopulation = 41000, urbanResidentPopulation = (int?)null, version = read.Version })).ReadAsync<RegionDetail>();
        await (await app.Client.PutJsonAsync($"/api/regions/{code}", new { isCentralTown = false, isRelocationSite = false, isGovernancePilot = false, urbanRuralCode = (string?)null, residentPopulation = 1, urbanResidentPopulation = (int?)null, version = read.Version })).ProblemAsync(HttpStatusCode.Conflict);

        var now = await (await app.Client.GetUrlAsync($"/api/regions/{code}")).ReadAsync<RegionDetail>();
        Assert.Equal(41000, now.ResidentPopulation);
    }
}
