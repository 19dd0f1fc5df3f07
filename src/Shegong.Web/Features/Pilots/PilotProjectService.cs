using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

/// <summary>Pilot projects: the subsidy awarded and paid, the carrying station, and compliance computed live.</summary>
public sealed partial class PilotProjectService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public async Task<IReadOnlyList<PilotProjectRow>> ListAsync(int? batchId, string? region, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PilotProject>().AsNoTracking().Include(p => p.Disbursements).AsQueryable();
        query = batchId is { } b ? query.Where(p => p.PilotBatchId == b) : query;
        if (!string.IsNullOrEmpty(region) && RegionCode.IsValid(region))
        {
            var (low, high) = RegionCode.SubtreeRange(region);
            query = query.Where(p => string.Compare(p.RegionCode, low) >= 0 && string.Compare(p.RegionCode, high) <= 0);
        }
        var projects = await query.OrderBy(p => p.PilotBatchId).ThenBy(p => p.RegionCode).ToListAsync(cancellationToken);
        return await RowsAsync(projects, cancellationToken);
    }

    public async Task<PilotProjectDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var project = await db.Set<PilotProject>().AsNoTracking().Include(p => p.Disbursements)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        var row = (await RowsAsync([project], cancellationToken))[0];
        var compliance = (await ComplianceAsync([project], cancellationToken))[project.Id];
        return new PilotProjectDetail(row, project.AwardedOn,
            project.Disbursements.OrderBy(d => d.On).ThenBy(d => d.Id).Select(d => new PilotDisbursementRow(d.On, d.Amount, d.DocumentNumber)).ToList(),
            compliance, project.Version);
    }

    public async Task<PilotProjectDetail> AwardAsync(int id, PilotAwardForm form, CancellationToken cancellationToken = default)
    {
        var project = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, project, form.Version);
        if (user.Role != AccountRole.ProvinceAdmin)
        {
            throw RequestProblem.Forbidden(ProblemText.PilotAwardByProvince);
        }
        project.Award(form.Amount, form.On ?? Today);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<PilotProjectDetail> PayAsync(int id, PilotDisbursementForm form, CancellationToken cancellationToken = default)
    {
        var project = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, project, form.Version);
        project.Pay(form.On, form.Amount, form.DocumentNumber);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The township station that carries the project (or none).</summary>
    public async Task<PilotProjectDetail> SetStationAsync(int id, PilotStationForm form, CancellationToken cancellationToken = default)
    {
        var project = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, project, form.Version);
        if (form.StationId is { } stationId)
        {
            var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stationId, cancellationToken)
                ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.NoStationWithId, stationId));
            if (station.RegionCode != project.RegionCode || station.Level != StationLevel.TownshipStation)
            {
                throw RequestProblem.Invalid("stationId", ProblemText.PilotStationNotInTownship);
            }
        }
        project.StationId = form.StationId;
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IReadOnlyList<PilotProjectRow>> RowsAsync(List<PilotProject> projects, CancellationToken cancellationToken)
    {
        var names = await RegionPaths.NameAsync(db, projects.Select(p => p.RegionCode), cancellationToken);
        var batchIds = projects.Select(p => p.PilotBatchId).Distinct().ToList();
        var batches = await db.Set<PilotBatch>().Where(b => batchIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var stationIds = projects.Where(p => p.StationId != null).Select(p => p.StationId!.Value).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters().Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        return projects.Select(p => new PilotProjectRow(p.Id, p.PilotBatchId, batches[p.PilotBatchId], p.RegionCode, names[p.RegionCode].Name,
            names[p.RegionCode].Path, p.GrantedSubsidy, p.AwardedSubsidy, p.Paid, (p.AwardedSubsidy ?? 0) - p.Paid, p.StationId,
            p.StationId is { } s ? stations.GetValueOrDefault(s) : null)).ToList();
    }

    private async Task<PilotProject> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<PilotProject>().Include(p => p.Disbursements).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.PilotNoProjectWithId, id));
}
