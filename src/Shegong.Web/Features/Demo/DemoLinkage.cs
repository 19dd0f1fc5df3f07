using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Linkage.Organisations;
using Shegong.Web.Features.Linkage.Teams;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Demo;

/// <summary>
/// Five-society demo data reproducing the province's seed figures: 2,129 community organisations
/// incubated by the operating township stations, in their villages (or the township itself), with
/// about half still incubating, a third filed and the rest registered with a credit code; and 2,424
/// volunteer teams, most still serving.
/// </summary>
internal sealed class DemoLinkage(ShegongDb db, Random random)
{
    public const int Organisations = 2129;
    public const int Teams = 2424;

    private static readonly string[] TeamThemes = ["党员志愿服务队", "巾帼志愿服务队", "青年志愿服务队", "银龄志愿服务队", "邻里守望队", "平安巡逻队", "环保志愿队"];

    private static readonly (string Theme, OrganisationType Type)[] Themes =
    [
        ("老年协会", OrganisationType.Service), ("睦邻服务社", OrganisationType.Service), ("助残服务社", OrganisationType.Service),
        ("青少年成长社", OrganisationType.Service), ("居民议事会", OrganisationType.Governance), ("矛盾调解室", OrganisationType.Governance),
        ("文体队", OrganisationType.Interest), ("书画社", OrganisationType.Interest), ("广场舞队", OrganisationType.Interest),
        ("邻里互助小组", OrganisationType.Informal), ("妈妈手工坊", OrganisationType.Informal),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking()
            .Where(s => s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.RegionCode, s.OpenedOn }).ToListAsync(cancellationToken);
        if (stations.Count == 0)
        {
            return 0;
        }
        var places = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village || r.Level == RegionLevel.Township)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => RegionCode.Pad(r.Code[..9]));
        var people = new DemoPeople(random);
        for (var i = 0; i < Organisations; i++)
        {
            var station = stations[random.Next(stations.Count)];
            var choices = places[station.RegionCode].ToList();
            var place = choices[random.Next(choices.Count)];
            var (theme, type) = Themes[random.Next(Themes.Length)];
            var incubated = (station.OpenedOn ?? new DateOnly(2022, 6, 1)).AddDays(random.Next(0, 540));
            var organisation = new CommunityOrganisation
            {
                Name = place.Name + theme,
                Type = type,
                RegionCode = place.Code,
                StationId = station.Id,
                LeaderName = people.Name(),
                MemberCount = random.Next(8, 120),
                IncubatedOn = incubated,
            };
            var draw = random.NextDouble();
            if (draw >= 0.5)
            {
                var filed = incubated.AddDays(random.Next(30, 180));
                var registered = draw >= 0.85 ? filed.AddDays(random.Next(60, 240)) : (DateOnly?)null;
                organisation.SeedStage(registered is null ? OrganisationStage.Filed : OrganisationStage.Registered, filed, registered,
                    registered is null ? null : CreditCodeOf(place.Code, i));
            }
            db.Add(organisation);
        }
        for (var i = 0; i < Teams; i++)
        {
            var station = stations[random.Next(stations.Count)];
            var choices = places[station.RegionCode].ToList();
            var place = choices[random.Next(choices.Count)];
            db.Add(new VolunteerTeam
            {
                Name = place.Name + TeamThemes[random.Next(TeamThemes.Length)],
                StationId = station.Id,
                RegionCode = place.Code,
                LeaderName = people.Name(),
                MemberCount = random.Next(6, 80),
                FormedOn = (station.OpenedOn ?? new DateOnly(2022, 6, 1)).AddDays(random.Next(0, 600)),
                IsActive = random.NextDouble() < 0.85,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return Organisations + Teams;
    }

    /// <summary>A well-formed code of a social organisation (5) registered with civil affairs (2: 社会团体) in its county.</summary>
    private static string CreditCodeOf(string regionCode, int n)
    {
        var first17 = $"52{regionCode[..6]}MJ{n:0000000}";
        return first17 + Common.Validation.CreditCode.CheckCharacterOf(first17);
    }
}
