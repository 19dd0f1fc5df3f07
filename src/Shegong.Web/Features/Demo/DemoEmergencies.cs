using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Emergencies;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// One past epidemic the province declared over its first three cities, closed after two weeks, with daily reports of
/// some forty operating township stations there (small on purpose: a dashboard to look at, not a load). About two reports in
/// three name one or two of the station's own active volunteer teams, and about one in three one of its own organisations
/// (the teams and organisations are seeded before: DemoLinkage); a station without any names none.
/// </summary>
internal sealed class DemoEmergencies(ShegongDb db, Random random)
{
    public static readonly DateOnly Start = new(2022, 9, 1);
    public const int Days = 14;
    public const int Stations = 40;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var province = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Province).OrderBy(r => r.Code).Select(r => r.Code)
            .FirstOrDefaultAsync(cancellationToken);
        var cities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Code).Select(r => r.Code).Take(3)
            .ToListAsync(cancellationToken);
        if (province is null || cities.Count == 0)
        {
            return;
        }
        var stations = (await db.Stations.AsNoTracking().Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.RegionCode }).ToListAsync(cancellationToken))
            .Where(s => cities.Any(c => s.RegionCode.StartsWith(c[..4], StringComparison.Ordinal))).Take(Stations).ToList();
        var stationIds = stations.Select(s => s.Id).ToList();
        var teams = (await db.Set<VolunteerTeam>().AsNoTracking().Where(t => stationIds.Contains(t.StationId) && t.IsActive).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.StationId, Since = t.FormedOn }).ToListAsync(cancellationToken)).ToLookup(t => t.StationId, t => (t.Id, t.Since));
        var organisations = (await db.Set<CommunityOrganisation>().AsNoTracking().Where(o => stationIds.Contains(o.StationId)).OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.StationId, Since = o.IncubatedOn }).ToListAsync(cancellationToken)).ToLookup(o => o.StationId, o => (o.Id, o.Since));
        var emergency = new Emergency { Type = EmergencyType.Epidemic, Name = "2022年9月疫情防控", RegionCode = province, StartDate = Start };
        emergency.Areas.AddRange(cities.Select(c => new EmergencyArea { RegionCode = c }));
        emergency.Close(Start.AddDays(Days - 1));
        db.Add(emergency);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var station in stations)
        {
            for (var day = 0; day < Days; day++)
            {
                // Most stations report most days; the peak is in the first week.
                if (random.Next(10) == 0)
                {
                    continue;
                }
                var scale = day < 7 ? 2 : 1;
                var report = new EmergencyReport
                {
                    EmergencyId = emergency.Id,
                    StationId = station.Id,
                    RegionCode = station.RegionCode,
                    Day = Start.AddDays(day),
                    Screening = random.Next(20, 120) * scale,
                    TestingSupport = random.Next(10, 80) * scale,
                    SupplyDelivery = random.Next(5, 60),
                    CareVisits = random.Next(3, 30),
                    VolunteersMobilised = random.Next(5, 40),
                    OrganisationsMobilised = random.Next(0, 5),
                };
                // Only groups that existed by that day: a team formed after the epidemic was not mobilised in it.
                var namedTeams = random.Next(3) == 0 ? [] : Pick([.. teams[station.Id].Where(t => t.Since <= report.Day).Select(t => t.Id)], random.Next(1, 3));
                var namedOrganisations = random.Next(3) == 0
                    ? Pick([.. organisations[station.Id].Where(o => o.Since <= report.Day).Select(o => o.Id)], 1) : [];
                report.Name(namedTeams, namedOrganisations);
                // The counts include every group named (and may be larger: not every group is recorded by name).
                report.OrganisationsMobilised = Math.Max(report.OrganisationsMobilised, namedOrganisations.Count);
                db.Add(report);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> distinct ids out of the station's own, drawn from the seeded stream.</summary>
    private List<int> Pick(List<int> ids, int count)
    {
        var picked = new List<int>();
        while (picked.Count < Math.Min(count, ids.Count))
        {
            var id = ids[random.Next(ids.Count)];
            if (!picked.Contains(id))
            {
                picked.Add(id);
            }
        }
        return picked;
    }
}
