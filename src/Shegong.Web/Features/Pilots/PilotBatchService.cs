using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;

namespace Shegong.Web.Features.Pilots;

/// <summary>Pilot batches: list, read, create and edit drafts, move along; confirming makes the projects.</summary>
public sealed partial class PilotBatchService(ShegongDb db)
{
    public static readonly SortFields<PilotBatch> Sorts = new SortFields<PilotBatch>()
        .Add("year", b => b.Year).Add("name", b => b.Name).Add("status", b => b.Status).Add("opensOn", b => b.OpensOn);

    public async Task<PagedResult<PilotBatchRow>> ListAsync(PilotBatchFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = db.Set<PilotBatch>().AsNoTracking();
        query = filter.Year is { } year ? query.Where(b => b.Year == year) : query;
        query = filter.Status is { } status ? query.Where(b => b.Status == status) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            query = query.Where(b => b.Name.Contains(text));
        }
        var total = await query.CountAsync(cancellationToken);
        var batches = await Sorts.Apply(query, page.Sort, q => q.OrderByDescending(b => b.Year).ThenBy(b => b.Id), q => q.ThenBy(b => b.Id))
            .Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<PilotBatchRow>(await RowsAsync(batches, cancellationToken), total);
    }

    /// <summary>Every batch, newest first: the few a batch picker offers.</summary>
    public async Task<IReadOnlyList<PilotBatchRow>> AllAsync(CancellationToken cancellationToken = default) =>
        await RowsAsync(await db.Set<PilotBatch>().AsNoTracking().OrderByDescending(b => b.Year).ThenBy(b => b.Id).ToListAsync(cancellationToken),
            cancellationToken);

    private async Task<IReadOnlyList<PilotBatchRow>> RowsAsync(List<PilotBatch> batches, CancellationToken cancellationToken)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var counts = await db.Set<PilotApplication>().Where(a => ids.Contains(a.PilotBatchId)).GroupBy(a => a.PilotBatchId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. batches.Select(b => Row(b, counts.GetValueOrDefault(b.Id)))];
    }

    public async Task<PilotBatchRow> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var batch = await db.Set<PilotBatch>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw NotFound(id);
        return Row(batch, await db.Set<PilotApplication>().CountAsync(a => a.PilotBatchId == id, cancellationToken));
    }

    public async Task<PilotBatchRow> CreateAsync(PilotBatchForm form, CancellationToken cancellationToken = default)
    {
        var province = await db.Regions.IgnoreQueryFilters().Where(r => r.ParentCode == null).OrderBy(r => r.Code).Select(r => r.Code)
            .FirstOrDefaultAsync(cancellationToken) ?? AccountBootstrap.DefaultProvinceCode;
        var batch = new PilotBatch { Name = "", RegionCode = province };
        await ApplyAsync(form, batch, cancellationToken);
        db.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(batch.Id, cancellationToken);
    }

    public async Task<PilotBatchRow> UpdateAsync(int id, PilotBatchForm form, CancellationToken cancellationToken = default)
    {
        var batch = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, batch, form.Version);
        batch.EnsureDraft();
        await ApplyAsync(form, batch, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// One step along Draft → Open → Reviewing → Confirmed → Closed. Confirming needs every township
    /// the cities approved decided, and makes one project per confirmed township.
    /// </summary>
    public async Task<PilotBatchRow> MoveAsync(int id, PilotBatchMoveForm form, CancellationToken cancellationToken = default)
    {
        var batch = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, batch, form.Version);
        batch.MoveTo(form.Status);
        if (form.Status == PilotBatchStatus.Confirmed)
        {
            var townships = await db.Set<PilotApplication>().Where(a => a.PilotBatchId == id && a.Status == PilotApplicationStatus.CityApproved)
                .SelectMany(a => a.Townships).ToListAsync(cancellationToken);
            var undecided = townships.Count(t => t.Decision == TownshipDecision.Pending);
            if (undecided > 0)
            {
                throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotTownshipsUndecided, undecided));
            }
            foreach (var township in townships.Where(t => t.Decision == TownshipDecision.Confirmed))
            {
                db.Add(NewProject(batch, township));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    internal static PilotProject NewProject(PilotBatch batch, PilotApplicationTownship township) => new()
    {
        PilotBatchId = batch.Id,
        PilotApplicationTownshipId = township.Id,
        RegionCode = township.TownshipCode,
        GrantedSubsidy = township.Subsidy ?? batch.StandardSubsidy,
    };

    private async Task ApplyAsync(PilotBatchForm form, PilotBatch batch, CancellationToken cancellationToken)
    {
        FormValidation.ThrowIfInvalid(form);
        var name = form.Name!.Trim();
        if (await db.Set<PilotBatch>().AnyAsync(b => b.Id != batch.Id && b.Year == form.Year && b.Name == name, cancellationToken))
        {
            throw RequestProblem.Conflict("name", Problems.Format(ProblemText.PilotBatchDuplicate, form.Year!.Value, name));
        }
        batch.Year = form.Year!.Value;
        batch.Name = name;
        batch.Budget = form.Budget!.Value;
        batch.TargetCounties = form.TargetCounties;
        batch.TargetTownships = form.TargetTownships;
        batch.StandardSubsidy = form.StandardSubsidy!.Value;
        batch.SetWindow(form.OpensOn!.Value, form.ClosesOn!.Value);
    }

    private static PilotBatchRow Row(PilotBatch b, int applications) => new(b.Id, b.Year, b.Name, b.Budget, b.TargetCounties, b.TargetTownships,
        b.OpensOn, b.ClosesOn, b.StandardSubsidy, b.Status, applications, b.Version);

    private async Task<PilotBatch> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<PilotBatch>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw NotFound(id);

    internal static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.PilotNoBatchWithId, id));
}
