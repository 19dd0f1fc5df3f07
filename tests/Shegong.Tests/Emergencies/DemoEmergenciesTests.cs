using Microsoft.EntityFrameworkCore;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Demo;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
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
        // The first 成都 station has two teams serving and one that stopped, and an organisation; the second has none of either.
        var first = await db.Stations.Where(s => s.RegionCode == places[0]).Select(s => s.Id).SingleAsync(ct);
        var formed = new DateOnly(2022, 6, 1);
        db.AddRange(new VolunteerTeam { Name = "青年队", StationId = first, RegionCode = places[0], FormedOn = formed },
            new VolunteerTeam { Name = "银龄队", StationId = first, RegionCode = places[0], FormedOn = formed },
            new VolunteerTeam { Name = "旧队", StationId = first, RegionCode = places[0], FormedOn = formed, IsActive = false },
            new VolunteerTeam { Name = "晚成队", StationId = first, RegionCode = places[0], FormedOn = new DateOnly(2023, 1, 1) },
            new CommunityOrganisation { Name = "睦邻会", StationId = first, RegionCode = places[0], IncubatedOn = formed });
        await db.SaveChangesAsync(ct);
        var active = await db.Set<VolunteerTeam>().Where(t => t.IsActive && t.FormedOn <= formed).Select(t => t.Id).ToListAsync(ct);
        var organisation = await db.Set<CommunityOrganisation>().Select(o => o.Id).SingleAsync(ct);

        await new DemoEmergencies(db, new Random(5)).SeedAsync(ct);

        var emergency = await db.Set<Emergency>().Include(e => e.Areas).SingleAsync(ct);
        Assert.Equal(EmergencyStatus.Closed, emergency.Status);
        Assert.Equal(["510100000000", "510300000000", "510400000000"], emergency.Areas.Select(a => a.RegionCode).Order());
        var reports = await db.Set<EmergencyReport>().ToListAsync(ct);
        Assert.InRange(reports.Count, 1, 2 * DemoEmergencies.Days);
        Assert.All(reports, r => Assert.InRange(r.Day, emergency.StartDate, emergency.EndDate!.Value));
        Assert.Equal(["510104017000", "510105002000"], reports.Select(r => r.RegionCode).Distinct().Order());

        // A good share of the first station's reports name its teams serving then (never the stopped or later one, never on
        // the other station's reports) and some its organisation; the organisations count is never below the ones named.
        var named = await db.Set<EmergencyReport>().Include(r => r.Teams).Include(r => r.Organisations).ToListAsync(ct);
        var ownReports = named.Where(r => r.StationId == first).ToList();
        Assert.InRange(ownReports.Count(r => r.Teams.Count > 0), ownReports.Count / 3, ownReports.Count - 1);
        Assert.InRange(ownReports.Count(r => r.Organisations.Count > 0), 1, ownReports.Count - 1);
        Assert.All(ownReports.SelectMany(r => r.Teams), t => Assert.Contains(t.VolunteerTeamId, active));
        Assert.All(ownReports.SelectMany(r => r.Organisations), o => Assert.Equal(organisation, o.CommunityOrganisationId));
        Assert.All(named.Where(r => r.StationId != first), r => Assert.Empty(r.Teams.Cast<object>().Concat(r.Organisations)));
        Assert.All(named, r => Assert.True(r.OrganisationsMobilised >= r.Organisations.Count));
    }
}
