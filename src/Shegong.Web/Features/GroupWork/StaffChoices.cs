using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.GroupWork;

public sealed record StationChoice(int Id, string Name, string RegionCode);

public sealed record StaffChoice(int Id, string Name);

/// <summary>Stations and social workers the group and activity forms offer, from the caller's scope.</summary>
public sealed class StaffChoices(ShegongDb db)
{
    public async Task<IReadOnlyList<StationChoice>> StationsAsync(CancellationToken cancellationToken = default) =>
        await db.Stations.AsNoTracking().Where(s => s.Status != StationStatus.Closed).OrderBy(s => s.RegionCode).ThenBy(s => s.Id).Take(500)
            .Select(s => new StationChoice(s.Id, s.Name, s.RegionCode)).ToListAsync(cancellationToken);

    /// <summary>Social workers whose resident station lies under <paramref name="regionCode"/>.</summary>
    public async Task<IReadOnlyList<StaffChoice>> WorkersAsync(string regionCode, CancellationToken cancellationToken = default)
    {
        var (low, high) = RegionCode.SubtreeRange(regionCode);
        return await db.SocialWorkers.AsNoTracking().Where(w => string.Compare(w.RegionCode, low) >= 0 && string.Compare(w.RegionCode, high) <= 0)
            .OrderBy(w => w.Name).Take(500).Select(w => new StaffChoice(w.Id, w.Name)).ToListAsync(cancellationToken);
    }
}
