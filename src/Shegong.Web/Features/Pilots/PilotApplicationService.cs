using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;
using Shegong.Web.Features.Accounts;
using Shegong.Web.Features.GroupWork;
using Shegong.Web.Features.Regions;

namespace Shegong.Web.Features.Pilots;

/// <summary>
/// Applications: the county applies for itself while the batch is open; the city reviews; the
/// province decides each township while the batch is under review, and afterwards only amends.
/// Which applications a caller sees is the scope's job (a county its own, a city its counties').
/// </summary>
public sealed partial class PilotApplicationService(ShegongDb db, CurrentUser user, TimeProvider clock)
{
    public static readonly SortFields<PilotApplication> Sorts = new SortFields<PilotApplication>()
        .Add("region", a => a.RegionCode).Add("status", a => a.Status).Add("createdAt", a => a.CreatedAt).Add("batch", a => a.PilotBatchId)
        .Add("townships", a => a.Townships.Count).Add("confirmed", a => a.Townships.Count(t => t.Decision == TownshipDecision.Confirmed));

    public async Task<PagedResult<PilotApplicationRow>> ListAsync(PilotApplicationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = Filtered(filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorts.Apply(query, page.Sort, q => q.OrderBy(a => a.PilotBatchId).ThenBy(a => a.RegionCode).ThenBy(a => a.Id),
                q => q.ThenBy(a => a.Id))
            .Skip(page.Skip).Take(page.PageSize)
            .Select(a => new
            {
                a.Id,
                a.PilotBatchId,
                a.RegionCode,
                a.Status,
                a.CreatedAt,
                Townships = a.Townships.Count,
                Confirmed = a.Townships.Count(t => t.Decision == TownshipDecision.Confirmed)
            })
            .ToListAsync(cancellationToken);
        var batchIds = rows.Select(r => r.PilotBatchId).Distinct().ToList();
        var batches = await db.Set<PilotBatch>().Where(x => batchIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var names = await RegionPaths.NameAsync(db, rows.Select(r => r.RegionCode), cancellationToken);
        return new PagedResult<PilotApplicationRow>([.. rows.Select(r => new PilotApplicationRow(r.Id, r.PilotBatchId, batches[r.PilotBatchId], r.RegionCode,
            names[r.RegionCode].Name, names[r.RegionCode].Path, r.Status, r.Townships, r.Confirmed, r.CreatedAt))], total);
    }

    /// <summary>Submitted applications in the caller's scope: what a city officer still has to review.</summary>
    public Task<int> AwaitingReviewAsync(CancellationToken cancellationToken = default) =>
        db.Set<PilotApplication>().CountAsync(a => a.Status == PilotApplicationStatus.Submitted, cancellationToken);

    private IQueryable<PilotApplication> Filtered(PilotApplicationFilter filter)
    {
        var query = ScopedRegion.Under(db.Set<PilotApplication>().AsNoTracking(), filter.Region);
        // A draft is the county's own until it is submitted.
        query = user.Role == AccountRole.CountyOfficer ? query : query.Where(a => a.Status != PilotApplicationStatus.Draft);
        query = filter.BatchId is { } b ? query.Where(a => a.PilotBatchId == b) : query;
        query = filter.Status is { } s ? query.Where(a => a.Status == s) : query;
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // The county's name or one of its townships' names. No IgnoreQueryFilters here: it would lift the scope of the whole
            // query, applications included; the regions of an application in scope are in scope anyway.
            var text = filter.Search.Trim();
            var regions = db.Regions.Where(r => r.Name.Contains(text)).Select(r => r.Code);
            query = query.Where(a => regions.Contains(a.RegionCode) || a.Townships.Any(t => regions.Contains(t.TownshipCode)));
        }
        return query;
    }

    public async Task<PilotApplicationDetail> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var a = await db.Set<PilotApplication>().AsNoTracking().AsSplitQuery().Include(x => x.Townships).Include(x => x.Steps)
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken) ?? throw NotFound(id);
        var batch = await db.Set<PilotBatch>().AsNoTracking().FirstAsync(b => b.Id == a.PilotBatchId, cancellationToken);
        var names = await RegionPaths.NameAsync(db, a.Townships.Select(t => t.TownshipCode).Append(a.RegionCode), cancellationToken);
        return new PilotApplicationDetail(a.Id, a.PilotBatchId, batch.Name, batch.Status, a.RegionCode, names[a.RegionCode].Path, a.Status,
            a.Townships.OrderBy(t => t.TownshipCode).Select(t => new PilotTownshipRow(t.TownshipCode, names[t.TownshipCode].Name, t.BuildPath,
                t.PlannedStationName, t.Justification, t.Decision, t.DecisionReason, t.Subsidy)).ToList(),
            a.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new PilotStepRow(s.Kind, s.By, s.At, s.TownshipCode, s.Reason)).ToList(), a.Version);
    }

    public async Task<PilotApplicationDetail> CreateAsync(PilotApplicationForm form, CancellationToken cancellationToken = default)
    {
        if (user.Role != AccountRole.CountyOfficer)
        {
            throw RequestProblem.Forbidden(ProblemText.PilotApplicantNotCounty);
        }
        if (form.RegionCode != user.RegionCode)
        {
            throw RequestProblem.Forbidden(Problems.Format(ProblemText.PilotCountyNotYours, form.RegionCode ?? ""));
        }
        var batch = await db.Set<PilotBatch>().FirstOrDefaultAsync(b => b.Id == form.PilotBatchId, cancellationToken)
            ?? throw RequestProblem.Invalid("pilotBatchId", Problems.Format(ProblemText.PilotNoBatchWithId, form.PilotBatchId));
        batch.EnsureTakesApplications(Today);
        var existing = await db.Set<PilotApplication>().Where(a => a.PilotBatchId == batch.Id && a.RegionCode == user.RegionCode)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } other)
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotApplicationExists, other));
        }
        var application = new PilotApplication { PilotBatchId = batch.Id, RegionCode = user.RegionCode };
        await SetTownshipsAsync(application, form.Townships, cancellationToken);
        if (form.Submit)
        {
            application.Submit(user.UserName, clock.GetUtcNow().UtcDateTime);
        }
        else
        {
            application.KeepAsDraft();
        }
        db.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(application.Id, cancellationToken);
    }

    /// <summary>A draft or returned application, edited by its county inside the window, saved or (re)submitted to the city.</summary>
    public async Task<PilotApplicationDetail> ResubmitAsync(int id, PilotApplicationForm form, CancellationToken cancellationToken = default)
    {
        var application = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, application, form.Version);
        if (user.Role != AccountRole.CountyOfficer)
        {
            throw RequestProblem.Forbidden(ProblemText.PilotApplicantNotCounty);
        }
        var batch = await db.Set<PilotBatch>().FirstAsync(b => b.Id == application.PilotBatchId, cancellationToken);
        batch.EnsureTakesApplications(Today);
        application.EnsureEditable();
        await SetTownshipsAsync(application, form.Townships, cancellationToken);
        if (form.Submit && application.Status == PilotApplicationStatus.Draft)
        {
            application.Submit(user.UserName, clock.GetUtcNow().UtcDateTime);
        }
        else if (form.Submit)
        {
            application.Resubmit(user.UserName, clock.GetUtcNow().UtcDateTime, form.Note?.Trim());
        }
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<PilotApplicationDetail> ReviewAsync(int id, PilotReviewForm form, CancellationToken cancellationToken = default)
    {
        var application = await LoadAsync(id, cancellationToken);
        Versioning.Expect(db, application, form.Version);
        if (user.Role != AccountRole.CityOfficer)
        {
            throw RequestProblem.Forbidden(ProblemText.PilotReviewByCity);
        }
        var batch = await db.Set<PilotBatch>().FirstAsync(b => b.Id == application.PilotBatchId, cancellationToken);
        if (batch.Status is not (PilotBatchStatus.Open or PilotBatchStatus.Reviewing))
        {
            throw RequestProblem.Conflict(Problems.Format(ProblemText.PilotBatchNotReviewing, batch.Name, Names.Of(batch.Status)));
        }
        CheckLength(form.Reason);
        var verdict = form.Decision switch
        {
            ReviewVerdict.Approve => PilotStepKind.CityApproved,
            ReviewVerdict.Return => PilotStepKind.CityReturned,
            _ => PilotStepKind.CityRejected,
        };
        application.Review(verdict, user.UserName, clock.GetUtcNow().UtcDateTime, form.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The province confirms or rejects one township while the batch is under review.</summary>
    public Task<PilotApplicationDetail> DecideAsync(int id, PilotDecisionForm form, CancellationToken cancellationToken = default) =>
        DecideAsync(id, form, amendment: false, cancellationToken);

    /// <summary>
    /// After confirmation the only change: an explicit amendment with a reason, logged as a step and
    /// audited; a township confirmed by amendment becomes a project, one withdrawn loses its project
    /// (refused once money was paid to it).
    /// </summary>
    public Task<PilotApplicationDetail> AmendAsync(int id, PilotDecisionForm form, CancellationToken cancellationToken = default) =>
        DecideAsync(id, form, amendment: true, cancellationToken);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static void CheckLength(string? text)
    {
        if (text?.Length > PilotLimits.TextLength)
        {
            throw RequestProblem.Invalid("reason", ProblemText.PilotTextCharacters);
        }
    }

    private async Task<PilotApplication> LoadAsync(int id, CancellationToken cancellationToken) =>
        await db.Set<PilotApplication>().AsSplitQuery().Include(a => a.Townships).Include(a => a.Steps)
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw NotFound(id);

    private static RequestProblem NotFound(int id) => RequestProblem.NotFound(Problems.Format(ProblemText.PilotNoApplicationWithId, id));
}
