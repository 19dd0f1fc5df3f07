using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;

namespace Shegong.Web.Features.Casework;

/// <summary>Stage moves, reopening and transfer: each with the version read, and kept as an event (who, when, why).</summary>
public sealed partial class CaseService
{
    public async Task<CaseDetail> MoveAsync(int id, StageMoveForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        FormValidation.ThrowIfInvalid(form);
        c.Advance(form.Stage!.Value, form, NotFuture(form.On), user.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CaseDetail> ReopenAsync(int id, ReopenForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        FormValidation.ThrowIfInvalid(form);
        c.Reopen(form.Reason!.Trim(), NotFuture(form.On), user.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CaseDetail> TransferAsync(int id, TransferForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        FormValidation.ThrowIfInvalid(form);
        if (c.Stage == CaseStage.Closed)
        {
            throw RequestProblem.Conflict(ProblemText.CaseClosedCaseCannotTransferred);
        }
        if (form.WorkerId == c.WorkerId)
        {
            throw RequestProblem.Invalid("workerId", ProblemText.CaseSocialWorkerAlreadyHoldsCase);
        }
        var workerId = await WorkerAtAsync(form.WorkerId, c.StationId, "workerId", cancellationToken);
        var name = await db.SocialWorkers.Where(w => w.Id == workerId).Select(w => w.Name).FirstAsync(cancellationToken);
        c.TransferTo(workerId, name, form.Reason!.Trim(), NotFuture(form.On), user.UserName);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>The workers a case may go to: active and working at its station (for the transfer picker).</summary>
    public async Task<IReadOnlyList<PickItem>> WorkersAtAsync(int stationId, CancellationToken cancellationToken = default) =>
        await db.SocialWorkers.Where(w => w.LeftOn == null && w.Assignments.Any(a => a.StationId == stationId && a.To == null))
            .OrderBy(w => w.Name).Select(w => new PickItem(w.Id, w.Name)).Take(200).ToListAsync(cancellationToken);

    /// <summary>The open stations the caller sees (for the case and assessment forms).</summary>
    public async Task<IReadOnlyList<PickItem>> StationsAsync(CancellationToken cancellationToken = default) =>
        await db.Stations.Where(s => s.Status != Stations.StationStatus.Closed).OrderBy(s => s.RegionCode).ThenBy(s => s.Id)
            .Select(s => new PickItem(s.Id, s.Name)).Take(500).ToListAsync(cancellationToken);

    /// <summary>Residents by name for the case form's picker, limited to those the caller sees (and to a station's area when given).</summary>
    public async Task<IReadOnlyList<PickItem>> FindResidentsAsync(string? search, int? stationId, CancellationToken cancellationToken = default)
    {
        var query = db.Residents.AsQueryable();
        if (stationId is { } sid && await db.Stations.Where(s => s.Id == sid).Select(s => s.RegionCode).FirstOrDefaultAsync(cancellationToken) is { } code)
        {
            var (low, high) = Regions.RegionCode.SubtreeRange(code);
            query = query.Where(r => string.Compare(r.RegionCode, low) >= 0 && string.Compare(r.RegionCode, high) <= 0);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(r => r.Name.Contains(text));
        }
        var found = await query.OrderBy(r => r.Name).ThenBy(r => r.Id).Take(20)
            .Select(r => new { r.Id, r.Name, r.BirthDate }).ToListAsync(cancellationToken);
        return [.. found.Select(r => ResidentPick(r.Id, r.Name, r.BirthDate))];
    }

    /// <summary>
    /// One resident as the picker shows it: the one a form starts with (from an assessment, say), whom a search's first
    /// twenty need not hold. Null when the caller does not see them.
    /// </summary>
    public async Task<PickItem?> FindResidentAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Residents.Where(r => r.Id == id).Select(r => new { r.Id, r.Name, r.BirthDate }).FirstOrDefaultAsync(cancellationToken)
            is { } r ? ResidentPick(r.Id, r.Name, r.BirthDate) : null;

    // The birth year (not the date) tells namesakes apart without showing a protected value in full.
    private static PickItem ResidentPick(int id, string name, DateOnly birthDate) => new(id, Names.WithDetail(name, birthDate.Year));

    private async Task<Case> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await Cases.AsSplitQuery().Include(c => c.Goals).Include(c => c.Contacts).Include(c => c.Events).Include(c => c.Referrals)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);

    private DateOnly NotFuture(DateOnly? on) => (on ?? Today) > Today
        ? throw RequestProblem.Invalid("on", ProblemText.CaseDateCannotInFuture)
        : on ?? Today;
}
