using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Casework;

/// <summary>
/// Referrals: the sender refers an open case (one unanswered referral at a time); a station's
/// referral is answered by that station's staff (or officials above it), an outside body's answer
/// is recorded by the sender. The answer then shows on the case.
/// </summary>
public sealed partial class CaseService
{
    public async Task<CaseDetail> ReferAsync(int id, ReferralForm form, CancellationToken cancellationToken = default)
    {
        var c = await TrackedAsync(id, cancellationToken);
        Versioning.Expect(db, c, form.Version);
        FormValidation.ThrowIfInvalid(form);
        if (c.Stage == CaseStage.Closed)
        {
            throw RequestProblem.Conflict(ProblemText.CaseClosedCaseCannotReferredReopenFirst);
        }
        var ids = c.Referrals.Select(r => r.Id).ToList();
        var answered = await db.Set<ReferralAnswer>().CountAsync(a => ids.Contains(a.ReferralId), cancellationToken);
        if (answered < ids.Count)
        {
            throw RequestProblem.Conflict(ProblemText.CaseCaseAlreadyReferralWaitingForAnswer);
        }
        var on = NotFuture(form.On);
        var (targetStationId, targetName) = await TargetAsync(c, form, cancellationToken);
        var from = await db.Stations.Where(s => s.Id == c.StationId).Select(s => s.Name).FirstAsync(cancellationToken);
        var resident = await db.Residents.Where(r => r.Id == c.ResidentId).Select(r => r.Name).FirstAsync(cancellationToken);
        var reason = form.Reason!.Trim();
        c.Referrals.Add(new CaseReferral
        {
            Target = form.Target!.Value,
            TargetStationId = targetStationId,
            TargetName = targetName,
            FromStationName = from,
            ResidentName = resident,
            Reason = reason,
            ReferredOn = on,
            ReferredBy = user.UserName,
        });
        c.Events.Add(new CaseEvent { Kind = CaseEventKind.Referred, On = on, By = user.UserName, Note = $"→ {targetName}: {reason}" });
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Referrals to the stations the caller sees (the receiving side's inbox), newest first.</summary>
    public async Task<PagedResult<ReferralRow>> IncomingAsync(bool? pending, PageRequest page, CancellationToken cancellationToken = default)
    {
        // Referrals have no region of their own: only those aimed at a station in the caller's scope are read here.
        var query = db.Set<CaseReferral>().Where(r => r.TargetStationId != null && db.Stations.Any(s => s.Id == r.TargetStationId));
        if (pending is { } p)
        {
            query = p ? query.Where(r => !db.Set<ReferralAnswer>().Any(a => a.ReferralId == r.Id))
                : query.Where(r => db.Set<ReferralAnswer>().Any(a => a.ReferralId == r.Id));
        }
        var total = await query.CountAsync(cancellationToken);
        var referrals = await query.OrderByDescending(r => r.ReferredOn).ThenByDescending(r => r.Id).Skip(page.Skip).Take(page.PageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        var ids = referrals.Select(r => r.Id).ToList();
        var answers = await db.Set<ReferralAnswer>().AsNoTracking().Where(a => ids.Contains(a.ReferralId)).ToDictionaryAsync(a => a.ReferralId, cancellationToken);
        return new PagedResult<ReferralRow>([.. referrals.Select(r => ToRow(r, answers.GetValueOrDefault(r.Id)))], total);
    }

    public async Task<ReferralRow> AnswerAsync(int referralId, ReferralAnswerForm form, CancellationToken cancellationToken = default)
    {
        FormValidation.ThrowIfInvalid(form);
        var referral = await db.Set<CaseReferral>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        var c = referral is null ? null : await Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referral.CaseId, cancellationToken);
        var target = referral?.TargetStationId is { } sid ? await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, cancellationToken) : null;
        // Seen from neither side, the referral does not exist for the caller.
        if (referral is null || (c is null && target is null))
        {
            throw RequestProblem.NotFound(Problems.Format(ProblemText.CaseNoReferral, referralId));
        }
        if (referral.Target == ReferralTarget.Station && target is null)
        {
            throw RequestProblem.Forbidden(ProblemText.CaseReferralStationAnsweredByStation);
        }
        if (await db.Set<ReferralAnswer>().AnyAsync(a => a.ReferralId == referralId, cancellationToken))
        {
            throw RequestProblem.Conflict(ProblemText.CaseReferralAlreadyBeenAnswered);
        }
        var on = NotFuture(form.On);
        if (on < referral.ReferredOn)
        {
            throw RequestProblem.Invalid("on", Problems.Format(ProblemText.CaseAnswerCannotBeforeReferral, referral.ReferredOn));
        }
        var answer = new ReferralAnswer
        {
            ReferralId = referral.Id,
            RegionCode = target?.RegionCode ?? c!.RegionCode,
            SenderRegionCode = await SenderRegionAsync(referral, c, cancellationToken),
            Accepted = form.Accepted!.Value,
            AnsweredOn = on,
            AnsweredBy = user.UserName,
            Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
        };
        db.Add(answer);
        await db.SaveChangesAsync(cancellationToken);
        return ToRow(referral, answer);
    }

    /// <summary>
    /// Open stations by name for the referral form's picker: any station may receive a referral, so the
    /// search reaches beyond the caller's scope, and answers names only (as the referral itself does).
    /// </summary>
    public async Task<IReadOnlyList<PickItem>> ReferralStationsAsync(string? search, int exceptStationId, CancellationToken cancellationToken = default)
    {
        var text = search?.Trim() ?? "";
        if (text.Length is < 1 or > 20)
        {
            return [];
        }
        return await db.Stations.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.Status != StationStatus.Closed && s.Id != exceptStationId && s.Name.Contains(text))
            .OrderBy(s => s.RegionCode).ThenBy(s => s.Id).Take(20).Select(s => new PickItem(s.Id, s.Name)).ToListAsync(cancellationToken);
    }

    private async Task<(int?, string)> TargetAsync(Case c, ReferralForm form, CancellationToken cancellationToken)
    {
        if (form.Target != ReferralTarget.Station)
        {
            return string.IsNullOrWhiteSpace(form.TargetName)
                ? throw RequestProblem.Invalid("targetName", ProblemText.CaseNameAgencyDepartment)
                : (null, form.TargetName.Trim());
        }
        // Any open station may receive a referral, also one outside the sender's scope: only its name and region are read.
        var station = form.TargetStationId is { } sid
            ? await db.Stations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.Status != StationStatus.Closed, cancellationToken)
            : null;
        if (station is null || station.Id == c.StationId)
        {
            throw RequestProblem.Invalid("targetStationId", ProblemText.CaseChooseAnotherStationNotClosed);
        }
        return (station.Id, station.Name);
    }

    // The sending case's region: known from the case when the caller sees it, else read for this one referral only.
    private async Task<string> SenderRegionAsync(CaseReferral referral, Case? c, CancellationToken cancellationToken) =>
        c?.RegionCode ?? await db.Set<Case>().IgnoreQueryFilters().Where(x => x.Id == referral.CaseId).Select(x => x.RegionCode).FirstAsync(cancellationToken);
}
