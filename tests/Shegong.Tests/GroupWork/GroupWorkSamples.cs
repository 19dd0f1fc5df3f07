using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;
using Shegong.Web.Features.Activities;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Residents;
using Shegong.Web.Features.Services;
using Shegong.Web.Features.Stations;

namespace Shegong.Tests.GroupWork;

/// <summary>A demo township station in 锦江区 with its resident worker, one of its villages, and residents made for a test.</summary>
public sealed record GroupWorkPlace(int StationId, string StationName, int WorkerId, string VillageCode, string VillageName, int[] ResidentIds,
    string[] ResidentNames);

/// <summary>Arranges group work and activities for the page tests over the demo data (through the app's own services).</summary>
public static class GroupWorkSamples
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A station with a worker, a village under it whose name few villages share, and <paramref name="names"/> as residents there.</summary>
    public static async Task<GroupWorkPlace> PlaceAsync(TestApp app, params string[] names)
    {
        await using var db = app.OpenDb();
        var found = await (
            from w in db.SocialWorkers
            join s in db.Stations on w.ResidentStationId equals s.Id
            where s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Operating && s.RegionCode.StartsWith("510104")
            orderby s.Id, w.Id
            select new { StationId = s.Id, s.Name, s.RegionCode, WorkerId = w.Id }).FirstAsync(Ct);
        var region = found.RegionCode;
        var villages = await db.Regions.Where(r => r.ParentCode == region && r.Level == RegionLevel.Village).Select(r => new { r.Code, r.Name }).ToListAsync(Ct);
        var villageNames = villages.Select(v => v.Name).ToList();
        var shared = await db.Regions.Where(r => r.Level == RegionLevel.Village && villageNames.Contains(r.Name)).GroupBy(r => r.Name)
            .Select(g => new { Name = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Name, g => g.Count, Ct);
        var village = villages.OrderBy(v => shared[v.Name]).ThenBy(v => v.Code).First();
        var residents = names.Length == 0 ? [] : await ResidentsAsync(app, village.Code, names);
        return new GroupWorkPlace(found.StationId, found.Name, found.WorkerId, village.Code, village.Name, residents, names);
    }

    public static async Task<int[]> ResidentsAsync(TestApp app, string villageCode, string[] names)
    {
        await using var db = app.OpenDb();
        var residents = names.Select((name, i) => new Resident
        {
            Name = name,
            RegionCode = villageCode,
            Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
            BirthDate = new DateOnly(1950 + i, 3, 1),
        }).ToList();
        db.AddRange(residents);
        await db.SaveChangesAsync(Ct);
        return [.. residents.Select(r => r.Id)];
    }

    /// <summary>A group of the place's residents, optionally with a first session.</summary>
    public static Task<GroupDetail> GroupAsync(TestApp app, GroupWorkPlace place, string name, bool withSession = false) => app.WithServicesAsync(async sp =>
    {
        var group = await sp.GetRequiredService<GroupService>().CreateAsync(new GroupForm
        {
            StationId = place.StationId,
            Name = name,
            Purpose = "缓解孤独，建立互助网络",
            Type = GroupType.Support,
            Category = ServiceCategory.ElderlyAndChildCare,
            LeaderId = place.WorkerId,
            PlannedSessions = 6,
            MemberIds = [.. place.ResidentIds],
        }, Ct);
        return withSession
            ? await sp.GetRequiredService<GroupSessionService>().AddAsync(group.Id, new GroupSessionForm
            {
                Date = new DateOnly(2025, 4, 3),
                DurationMinutes = 90,
                Content = "相互认识，订立小组契约",
                AttendeeIds = [place.ResidentIds[0]],
                HeadCount = 1,
            }, Ct)
            : group;
    });

    public static Task<ActivityDetail> ActivityAsync(TestApp app, GroupWorkPlace place, string title) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<ActivityService>().CreateAsync(new ActivityForm
        {
            StationId = place.StationId,
            Title = title,
            Date = new DateOnly(2025, 10, 29),
            VillageCode = place.VillageCode,
            Venue = "村委会活动室",
            Category = ServiceCategory.ElderlyAndChildCare,
            ParticipantCount = 30,
            ParticipantIds = [.. place.ResidentIds],
            WorkerIds = [place.WorkerId],
            Volunteers = "党员志愿服务队",
            Organisations = "社区老年协会",
            Description = "重阳节敬老活动",
        }, Ct));
}
