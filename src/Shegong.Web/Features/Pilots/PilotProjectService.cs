using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Pilots;

/// <summary>Pilot projects: the subsidy awarded and paid, the carrying station, and compliance computed live.</summary>
public sealed partial class PilotProjectService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public static readonly SortFields<PilotProject> Sorts = new SortFields<PilotProject>()
        .Add("region", p => p.RegionCode).Add("batch", p => p.PilotBatchId).Add("awardedOn", p => p.AwardedOn);

    public async Task<PagedResult<PilotProjectRow>> ListAsync(PilotProjectFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        if (filter.Problems == true)
        {
            // Compliance is computed live, not stored: the database filters the rest, then the non-compliant ones are kept.
            var candidates = await query.ToListAsync(cancellationToken);
            var compliance = await ComplianceAsync(candidates, cancellationToken);
            var failing = candidates.Where(p => !compliance[p.Id].Compliant).Select(p => p.Id).ToList();
            query = query.Where(p => failing.Contains(p.Id));
        }
        var total = await query.CountAsync(cancellationToken);
        var projects = await Sorts.Apply(query.Include(p => p.Disbursements), page.Sort,
                q => q.OrderBy(p => p.PilotBatchId).ThenBy(p => p.RegionCode).ThenBy(p => p.Id), q => q.ThenBy(p => p.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<PilotProjectRow>(await RowsAsync(projects, cancellationToken), total);
    }

    private IQueryable<PilotProject> Filtered(PilotProjectFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<PilotProject>().AsNoTracking(), filter.Region);
        query = filter.BatchId is { } b ? query.Where(p => p.PilotBatchId == b) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // The township's name or the carrying station's. No IgnoreQueryFilters here: it would lift the scope of the whole
            // query, projects included; a project's township and station are in the scope of whoever sees the project.
            var text = filter.Search.Trim();
            var regions = db.Regions.Where(r => r.Name.Contains(text)).Select(r => r.Code);
            var stations = db.Stations.Where(s => s.Name.Contains(text)).Select(s => s.Id);
            query = query.Where(p => regions.Contains(p.RegionCode) || (p.StationId != null && stations.Contains(p.StationId.Value)));
        }
        return query;
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
