using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Requests;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.ServiceRecords;

/// <summary>A resident found by name for a picker: name, village and age only (nothing protected).</summary>
public sealed record ResidentChoice(int Id, string Name, string VillagePath, int Age);

/// <summary>What the entry form offers: residents and villages by name, stations and their workers, all through the scope.</summary>
public sealed partial class ServiceRecordService
{
    public const int PickerResults = 10;

    public async Task<IReadOnlyList<ResidentChoice>> FindResidentsAsync(string? text, string? villageCode = null, CancellationToken cancellationToken = default)
    {
        var search = text?.Trim() ?? "";
        if (search.Length is < 1 or > 20)
        {
            return [];
        }
        var query = db.Residents.AsNoTracking().Where(r => r.Name.Contains(search));
        if (!string.IsNullOrEmpty(villageCode))
        {
            query = query.Where(r => r.RegionCode == villageCode);
        }
        var found = await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(PickerResults)
            .Select(r => new { r.Id, r.Name, r.RegionCode, r.BirthDate }).ToListAsync(cancellationToken);
        var paths = await RegionPaths.NameAsync(db, found.Select(r => r.RegionCode), cancellationToken);
        return found.Select(r => new ResidentChoice(r.Id, r.Name, paths[r.RegionCode].Path, Age(r.BirthDate))).ToList();
    }

    public async Task<IReadOnlyList<VillageChoice>> FindVillagesAsync(string? text, CancellationToken cancellationToken = default)
    {
        var search = text?.Trim() ?? "";
        if (search.Length is < 1 or > 20)
        {
            return [];
        }
        var found = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Name.Contains(search))
            .OrderBy(r => r.Code).Take(PickerResults).Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken);
        var paths = await RegionPaths.NameAsync(db, found.Select(r => r.Code), cancellationToken);
        return found.Select(r => new VillageChoice(r.Code, r.Name, paths[r.Code].Path)).ToList();
    }

    /// <summary>Operating stations in scope, the caller's own first.</summary>
    public async Task<IReadOnlyList<NamedRef>> StationsAsync(int? own, CancellationToken cancellationToken = default) =>
        await db.Stations.AsNoTracking().Where(s => s.Status == StationStatus.Operating)
            .OrderBy(s => s.Id == own ? 0 : 1).ThenBy(s => s.RegionCode).Take(200).Select(s => new NamedRef(s.Id, s.Name)).ToListAsync(cancellationToken);

    /// <summary>Social workers resident or supporting at a station on a day.</summary>
    public async Task<IReadOnlyList<NamedRef>> WorkersAtAsync(int stationId, DateOnly on, CancellationToken cancellationToken = default)
    {
        if (!await db.Stations.AnyAsync(s => s.Id == stationId, cancellationToken))
        {
            return [];
        }
        var ids = await db.StationAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.StationId == stationId && a.From <= on && (a.To == null || a.To >= on)).Select(a => a.SocialWorkerId).Distinct().ToListAsync(cancellationToken);
        return await db.SocialWorkers.IgnoreQueryFilters().AsNoTracking().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Name)
            .Select(w => new NamedRef(w.Id, w.Name)).ToListAsync(cancellationToken);
    }

    private int Age(DateOnly birth)
    {
        var today = Today;
        return today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
    }
}
