using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Derived;

/// <summary>
/// Derived data (ADR 0004) through its first entity: the county and city station tallies move with
/// a station's save, in the same transaction, and nobody writes them directly.
/// </summary>
public class StationTallyTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private const string County = "510104000000";
    private const string City = "510100000000";

    [Fact]
    public async Task A_county_officers_new_station_counts_in_the_county_and_the_city_row_above_their_scope_and_only_the_station_is_audited()
    {
        var officer = await app.ClientAsync(AccountRole.CountyOfficer, County);
        var cityBefore = await TallyAsync(City, StationLevel.TownshipStation);
        var countyBefore = await TallyAsync(County, StationLevel.TownshipStation);

        var station = await (await officer.PostJsonAsync("/api/stations",
            new { name = "锦官驿街道社工站", level = "TownshipStation", regionCode = "510104017000" })).ReadAsync<StationDetail>(HttpStatusCode.Created);

        Assert.Equal(cityBefore + 1, await TallyAsync(City, StationLevel.TownshipStation));
        Assert.Equal(countyBefore + 1, await TallyAsync(County, StationLevel.TownshipStation));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(Station) && a.EntityId == station.Id.ToString(), Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(StationTally), Ct));
    }

    [Fact]
    public async Task Closing_a_station_takes_it_off_the_tallies()
    {
        var created = await (await app.Client.PostJsonAsync("/api/stations",
            new { name = "东光街道社工站", level = "TownshipStation", regionCode = "510104018000" })).ReadAsync<StationDetail>(HttpStatusCode.Created);
        var before = await TallyAsync(County, StationLevel.TownshipStation);

        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<ShegongDb>();
            var station = await db.Stations.SingleAsync(s => s.Id == created.Id, Ct);
            station.MoveTo(StationStatus.Closed, new DateOnly(2026, 11, 1));
            return await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(before - 1, await TallyAsync(County, StationLevel.TownshipStation));
    }

    [Fact]
    public async Task Not_even_the_province_admin_may_write_a_tally_directly()
    {
        await app.Client.PostJsonAsync("/api/stations", new { name = "书院街社工站", level = "TownshipStation", regionCode = "510104023000" });
        var before = await TallyAsync(County, StationLevel.TownshipStation);

        var refused = await Assert.ThrowsAsync<RequestProblem>(() => app.WithServicesAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().Fill(new Account
            {
                Id = "admin-probe",
                UserName = "admin-probe",
                DisplayName = "省管理员",
                Role = AccountRole.ProvinceAdmin,
                RegionCode = AccountBootstrap.DefaultProvinceCode,
            }, null);
            sp.GetRequiredService<RegionScope>().AllowProvince();
            var db = sp.GetRequiredService<ShegongDb>();
            var tally = await db.StationTallies.SingleAsync(t => t.RegionCode == County && t.Level == StationLevel.TownshipStation, Ct);
            tally.Count = 999;
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Equal(403, refused.Status);
        Assert.Equal(before, await TallyAsync(County, StationLevel.TownshipStation));
    }

    private async Task<int> TallyAsync(string region, StationLevel level)
    {
        await using var db = app.OpenDb();
        return await db.StationTallies.Where(t => t.RegionCode == region && t.Level == level).Select(t => t.Count).SingleOrDefaultAsync(Ct);
    }
}
