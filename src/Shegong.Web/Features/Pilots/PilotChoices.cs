using Microsoft.EntityFrameworkCore;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

/// <summary>A township or station offered by a pilot form.</summary>
public sealed record PilotChoice(string Value, string Name);

public sealed partial class PilotApplicationService
{
    /// <summary>The townships a county officer may apply for: those of their own county (none for anyone else).</summary>
    public async Task<IReadOnlyList<PilotChoice>> TownshipChoicesAsync(CancellationToken cancellationToken = default)
    {
        if (user.Role != AccountRole.CountyOfficer)
        {
            return [];
        }
        return await db.Regions.AsNoTracking().Where(r => r.ParentCode == user.RegionCode && r.Level == RegionLevel.Township)
            .OrderBy(r => r.Code).Select(r => new PilotChoice(r.Code, r.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The caller's application to a batch, if their county has one (drafts included).</summary>
    public async Task<int?> OwnApplicationAsync(int batchId, CancellationToken cancellationToken = default) =>
        await db.Set<PilotApplication>().Where(a => a.PilotBatchId == batchId && a.RegionCode == user.RegionCode)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
}

public sealed partial class PilotProjectService
{
    /// <summary>The township stations that may carry the project (those of its township the caller sees).</summary>
    public async Task<IReadOnlyList<PilotChoice>> StationChoicesAsync(int id, CancellationToken cancellationToken = default)
    {
        var township = await db.Set<PilotProject>().Where(p => p.Id == id).Select(p => p.RegionCode).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(id);
        return await db.Stations.AsNoTracking().Where(s => s.RegionCode == township && s.Level == StationLevel.TownshipStation)
            .OrderBy(s => s.Id).Select(s => new PilotChoice(s.Id.ToString(), s.Name)).ToListAsync(cancellationToken);
    }
}
