using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.Emergencies;

public class DemoEmergenciesTests
{
    [Fact]
    public async Task The_demo_epidemic_is_closed_over_three_cities_with_daily_reports_of_their_stations_inside_its_period()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = TestDatabase.Open(await TestDatabase.CreateAsync(withSichuanRegions: true));
        // Three operating township stations: two in 成都 and one in 泸州 (outside the first three cities: no reports).
        string[] places = ["510104017000", "510105002000", "510502001000"];
        foreach (var code in places)
        {
            var station = new Station { Name = code + "社工站", Level = StationLevel.TownshipStation, RegionCode = code };
            station.StartAs(StationStatus.Operating, new DateOnly(2022, 6, 1));
            db.Stations.Add(station);
        }
        await db.SaveChangesAsync(ct);

        await new DemoEmergencies(db, new Random(5)).SeedAsync(ct);

        var emergency = await db.Set<Emergency>().Include(e => e.Areas).SingleAsync(ct);
        Assert.Equal(EmergencyStatus.Closed, emergency.Status);
        Assert.Equal(["510100000000", "510300000000", "510400000000"], emergency.Areas.Select(a => a.RegionCode).Order());
        var reports = await db.Set<EmergencyReport>().ToListAsync(ct);
        Assert.InRange(reports.Count, 1, 2 * DemoEmergencies.Days);
        Assert.All(reports, r => Assert.InRange(r.Day, emergency.StartDate, emergency.EndDate!.Value));
        Assert.Equal(["510104017000", "510105002000"], reports.Select(r => r.RegionCode).Distinct().Order());
    }
}
